import { decodeEvent, MAX_EVENT_BYTES, validateEvent } from './validate';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const TS = '2026-11-22T09:00:00.123+08:00';
const TS_MS = Date.UTC(2026, 10, 22, 1, 0, 0, 123);

// Minimal valid events, and the fields EVENTS.md marks required for each — written out from
// the document by hand, not derived from the schema under test.
const MINIMAL: Record<string, Record<string, unknown>> = {
  'call.offered': { queue: 'billing', callId: 'c-1' },
  'call.answered': { queue: 'billing', agentId: 'a-7', callId: 'c-1' },
  'call.abandoned': { queue: 'billing', callId: 'c-1' },
  'call.flowed_out': { queue: 'billing', callId: 'c-1' },
  'call.hold_started': { agentId: 'a-7', callId: 'c-1' },
  'call.hold_ended': { agentId: 'a-7', callId: 'c-1' },
  'call.transferred': { agentId: 'a-7', callId: 'c-1' },
  'call.ended': { agentId: 'a-7', callId: 'c-1' },
  'call.wrapup_completed': { agentId: 'a-7', disposition: 'resolved', callId: 'c-1' },
  'survey.completed': { score: 5, callId: 'c-1' },
  'agent.state_changed': { agentId: 'a-7', state: 'available' },
};
const event = (type: string, fields: Record<string, unknown> = {}) => ({ eventId: 'e-1', type, ts: TS, ...MINIMAL[type], ...fields });
const requiredFieldCases = Object.entries(MINIMAL).flatMap(([type, fields]) =>
  ['eventId', 'ts', ...Object.keys(fields)].map((field) => [type, field] as const),
);

function rejection(value: unknown) {
  const result = validateEvent(value, NOW);
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.event)}`);
  return result.rejection;
}
function accepted(value: unknown) {
  const result = validateEvent(value, NOW);
  if (!result.ok) throw new Error(`expected acceptance, got ${result.rejection.reason}`);
  return result.event as Record<string, unknown>;
}

describe('validateEvent: valid events', () => {
  it.each(Object.keys(MINIMAL))('accepts a minimal %s, ts in UTC milliseconds, tenant "default"', (type) => {
    expect(accepted(event(type))).toMatchObject({ type, ts: TS_MS, tenant: 'default' });
  });

  it('applies the contract defaults: channel voice, wrap-up expected', () => {
    expect(accepted(event('call.offered')).channel).toBe('voice');
    expect(accepted(event('call.ended')).wrapup).toBe(true);
    expect(accepted(event('call.ended', { wrapup: false })).wrapup).toBe(false);
  });

  it('accepts every optional field and keeps unknown extras', () => {
    const offered = accepted(
      event('call.offered', {
        tenant: 'site-2',
        customerId: '+8613800000001',
        category: 'complaint',
        channel: 'chat',
        vendorField: { x: 1 },
      }),
    );
    expect(offered).toMatchObject({
      tenant: 'site-2',
      customerId: '+8613800000001',
      category: 'complaint',
      channel: 'chat',
      vendorField: { x: 1 },
    });
    expect(accepted(event('call.flowed_out', { reason: 'timeout' })).reason).toBe('timeout');
    expect(accepted(event('call.transferred', { toQueue: 'tech' })).toQueue).toBe('tech');
    expect(accepted(event('call.ended', { endedBy: 'agent' })).endedBy).toBe('agent');
    expect(accepted(event('call.wrapup_completed', { category: 'fault' })).category).toBe('fault');
    expect(accepted(event('survey.completed', { resolved: false })).resolved).toBe(false);
    expect(accepted(event('agent.state_changed', { state: 'break', team: 'night', reason: 'lunch' }))).toMatchObject({
      team: 'night',
      reason: 'lunch',
    });
    expect(accepted(event('call.offered', { category: 'a custom category' })).category).toBe('a custom category');
  });

  it('reads null optional fields, and an empty customerId or category, as absent (an anonymous caller)', () => {
    const offered = accepted(event('call.offered', { customerId: '', category: '', channel: null, tenant: null }));
    expect(offered.customerId).toBeUndefined();
    expect(offered.category).toBeUndefined();
    expect(offered.channel).toBe('voice');
    expect(offered.tenant).toBe('default');
    expect(accepted(event('survey.completed', { resolved: null })).resolved).toBeUndefined();
  });

  it.each([
    ['RFC 3339 with +08:00', '2026-11-22T09:00:00.123+08:00'],
    ['RFC 3339 with Z', '2026-11-22T01:00:00.123Z'],
    ['RFC 3339 with -05:00', '2026-11-21T20:00:00.123-05:00'],
    ['epoch milliseconds', TS_MS],
  ])('reads ts as %s to the same instant', (_form, ts) => {
    expect(accepted(event('call.abandoned', { ts })).ts).toBe(TS_MS);
  });

  it('accepts strings at their length limit and a ts exactly 24 h ahead', () => {
    expect(
      accepted(event('call.offered', { eventId: 'e'.repeat(128), callId: 'c'.repeat(128), category: 'k'.repeat(64) })).eventId,
    ).toHaveLength(128);
    expect(accepted(event('call.abandoned', { ts: NOW + 24 * 3600_000 })).ts).toBe(NOW + 24 * 3600_000);
  });
});

describe('validateEvent: rejections', () => {
  it.each(requiredFieldCases)('%s without %s → missing_field', (type, field) => {
    const incomplete: Record<string, unknown> = event(type);
    delete incomplete[field];
    expect(rejection(incomplete)).toEqual({ code: 'missing_field', reason: `missing_field: ${field}` });
  });

  it('a missing or empty type, or an empty id, is a missing field', () => {
    expect(rejection({ eventId: 'e', ts: TS }).code).toBe('missing_field');
    expect(rejection(event('call.abandoned', { callId: '' }))).toEqual({ code: 'missing_field', reason: 'missing_field: callId is empty' });
  });

  it.each([
    ['queue as a number', event('call.offered', { queue: 42 })],
    ['callId as an object', event('call.abandoned', { callId: { id: 1 } })],
    ['score as text', event('survey.completed', { score: '5' })],
    ['score 4.5', event('survey.completed', { score: 4.5 })],
    ['wrapup as text', event('call.ended', { wrapup: 'no' })],
    ['resolved as 1', event('survey.completed', { resolved: 1 })],
    ['ts as a boolean', event('call.abandoned', { ts: true })],
    ['ts as an array', event('call.abandoned', { ts: [TS] })],
    ['type as a number', { eventId: 'e', type: 7, ts: TS }],
  ])('%s → wrong_type', (_case, value) => {
    expect(rejection(value).code).toBe('wrong_type');
  });

  it.each([
    ['score 0', event('survey.completed', { score: 0 })],
    ['score 6', event('survey.completed', { score: 6 })],
    ['a negative epoch', event('call.abandoned', { ts: -1 })],
    ['a ts 24 h and 1 ms ahead', event('call.abandoned', { ts: NOW + 24 * 3600_000 + 1 })],
    ['a ts before 1970', event('call.abandoned', { ts: '1969-12-31T23:59:59Z' })],
    ['eventId over 128 characters', event('call.abandoned', { eventId: 'e'.repeat(129) })],
    ['callId over 128 characters', event('call.abandoned', { callId: 'c'.repeat(129) })],
    ['category over 64 characters', event('call.offered', { category: 'k'.repeat(65) })],
    ['an agent state reason over 64 characters', event('agent.state_changed', { reason: 'r'.repeat(65) })],
  ])('%s → out_of_range', (_case, value) => {
    expect(rejection(value).code).toBe('out_of_range');
  });

  it.each([
    ['disposition', event('call.wrapup_completed', { disposition: 'fixed' })],
    ['state', event('agent.state_changed', { state: 'lunch' })],
    ['reason', event('call.flowed_out', { reason: 'bored' })],
    ['endedBy', event('call.ended', { endedBy: 'system' })],
    ['ts', event('call.abandoned', { ts: '2026-11-22T09:00:00' })],
  ])('an unknown %s value → invalid_value naming the field', (field, value) => {
    const { code, reason } = rejection(value);
    expect(code).toBe('invalid_value');
    expect(reason).toContain(field);
  });

  it('an unknown type → unknown_type', () => {
    expect(rejection(event('call.answered', { type: 'call.vanished' }))).toEqual({
      code: 'unknown_type',
      reason: 'unknown_type: "call.vanished" is not an event type',
    });
  });
});

describe('decodeEvent: bytes from the wire', () => {
  it('accepts a Buffer and a string alike', () => {
    const text = JSON.stringify(event('call.abandoned'));
    expect(decodeEvent(Buffer.from(text), NOW)).toEqual(decodeEvent(text, NOW));
    expect(decodeEvent(text, NOW).ok).toBe(true);
  });

  it.each([
    ['invalid JSON', '{"eventId": ', 'invalid_json'],
    ['an empty message', '', 'invalid_json'],
    ['deeply nested JSON', '['.repeat(200_000), 'invalid_json'],
    ['a JSON array', '[1,2]', 'not_an_object'],
    ['a JSON number', '42', 'not_an_object'],
    ['null', 'null', 'not_an_object'],
    ['a non-finite epoch', '{"eventId":"e","type":"call.abandoned","callId":"c","queue":"q","ts":1e400}', 'out_of_range'],
    ['a message over the size limit', JSON.stringify({ ...event('call.abandoned'), pad: 'x'.repeat(MAX_EVENT_BYTES) }), 'too_large'],
  ])('%s → %s', (_case, raw, code) => {
    const result = decodeEvent(raw, NOW);
    expect(result.ok ? 'accepted' : result.rejection.code).toBe(code);
  });
});
