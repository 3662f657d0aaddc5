import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateEvent, type CallEventInput } from '../../contract';
import { parseCtr, type ContactTraceRecord } from './ctr-schema';
import { contactsToEvents, ctrToEvents, latestByContact } from './ctr-to-events';

const NOW = Date.parse('2026-11-13T00:00:00Z');

function fixture(name: string): ContactTraceRecord[] {
  const value: unknown = JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));
  return (Array.isArray(value) ? value : [value]).map((item) => {
    const parsed = parseCtr(item);
    if (!parsed.ok) throw new Error(`${name}: ${parsed.message}`);
    return parsed.record;
  });
}

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0]!;
}

/** Every event an adapter writes must pass the contract as it stands. */
function expectValid(events: CallEventInput[]): void {
  for (const event of events) expect(validateEvent(event, NOW)).toMatchObject({ ok: true });
}

const A = 'a1b2c3d4-0001-4000-8000-000000000001';
const H = 'a1b2c3d4-0002-4000-8000-000000000002';
const T1 = 'a1b2c3d4-0003-4000-8000-000000000003';
const T2 = 'a1b2c3d4-0004-4000-8000-000000000004';
const D = 'a1b2c3d4-0005-4000-8000-000000000005';

describe('ctrToEvents', () => {
  it('an abandoned contact: offered at enqueue, abandoned at dequeue', () => {
    const events = ctrToEvents(only(fixture('abandoned.json')));
    expect(events).toEqual([
      {
        eventId: `connect:${A}:offered`,
        type: 'call.offered',
        ts: '2026-11-12T01:00:00.000Z',
        callId: A,
        queue: 'billing',
        customerId: '+14255550101',
        channel: 'voice',
      },
      { eventId: `connect:${A}:left_queue`, type: 'call.abandoned', ts: '2026-11-12T01:00:35.000Z', callId: A, queue: 'billing' },
    ]);
    expectValid(events);
  });

  it('a handled contact: two holds adding up to CustomerHoldDuration, the first the longest, then ACW', () => {
    // Talk span 01:05:25 → 01:12:25 = 420 s, hold 90 s in 2 holds (longest 60 s) → 60 s + 30 s;
    // the 330 s of talk are cut into three equal gaps of 110 s around them.
    const events = ctrToEvents(only(fixture('handled-with-holds.json')), { tenant: 'north' });
    const common = { callId: H, tenant: 'north' };
    expect(events).toEqual([
      {
        eventId: `connect:${H}:offered`,
        type: 'call.offered',
        ts: '2026-11-12T01:05:10.000Z',
        ...common,
        queue: 'billing',
        customerId: '+14255550102',
        category: 'complaint',
        channel: 'voice',
      },
      {
        eventId: `connect:${H}:answered`,
        type: 'call.answered',
        ts: '2026-11-12T01:05:25.000Z',
        ...common,
        queue: 'billing',
        agentId: 'jdoe',
      },
      { eventId: `connect:${H}:hold_started:1`, type: 'call.hold_started', ts: '2026-11-12T01:07:15.000Z', ...common, agentId: 'jdoe' },
      { eventId: `connect:${H}:hold_ended:1`, type: 'call.hold_ended', ts: '2026-11-12T01:08:15.000Z', ...common, agentId: 'jdoe' },
      { eventId: `connect:${H}:hold_started:2`, type: 'call.hold_started', ts: '2026-11-12T01:10:05.000Z', ...common, agentId: 'jdoe' },
      { eventId: `connect:${H}:hold_ended:2`, type: 'call.hold_ended', ts: '2026-11-12T01:10:35.000Z', ...common, agentId: 'jdoe' },
      {
        eventId: `connect:${H}:talk_ended`,
        type: 'call.ended',
        ts: '2026-11-12T01:12:25.000Z',
        ...common,
        agentId: 'jdoe',
        endedBy: 'customer',
      },
      {
        eventId: `connect:${H}:wrapup_completed`,
        type: 'call.wrapup_completed',
        ts: '2026-11-12T01:13:25.000Z',
        ...common,
        agentId: 'jdoe',
        disposition: 'resolved',
      },
    ]);
    expectValid(events);
  });

  it('a transferred contact: the first leg ends by transfer to the next queue, the next leg continues the same call', () => {
    const [first, second] = contactsToEvents(fixture('transferred.json'));
    // The first agent's ACW after the transfer (30 s) is not reported: METRICS.md gives a transferred leg none.
    expect(first).toEqual([
      {
        eventId: `connect:${T1}:offered`,
        type: 'call.offered',
        ts: '2026-11-12T01:20:00.000Z',
        callId: T1,
        queue: 'billing',
        customerId: '+14255550103',
        category: 'fault',
        channel: 'voice',
      },
      {
        eventId: `connect:${T1}:answered`,
        type: 'call.answered',
        ts: '2026-11-12T01:20:08.000Z',
        callId: T1,
        queue: 'billing',
        agentId: 'asmith',
      },
      {
        eventId: `connect:${T1}:talk_ended`,
        type: 'call.transferred',
        ts: '2026-11-12T01:24:08.000Z',
        callId: T1,
        agentId: 'asmith',
        toQueue: 'support',
      },
    ]);
    // One 45 s hold in the 360 s talk span: 315 s of talk, 157.5 s before and after it.
    expect(second).toEqual([
      {
        eventId: `connect:${T2}:offered`,
        type: 'call.offered',
        ts: '2026-11-12T01:24:08.000Z',
        callId: T1,
        queue: 'support',
        customerId: '+14255550103',
        category: 'fault',
        channel: 'voice',
      },
      {
        eventId: `connect:${T2}:answered`,
        type: 'call.answered',
        ts: '2026-11-12T01:24:38.000Z',
        callId: T1,
        queue: 'support',
        agentId: 'mlee',
      },
      { eventId: `connect:${T2}:hold_started:1`, type: 'call.hold_started', ts: '2026-11-12T01:27:15.500Z', callId: T1, agentId: 'mlee' },
      { eventId: `connect:${T2}:hold_ended:1`, type: 'call.hold_ended', ts: '2026-11-12T01:28:00.500Z', callId: T1, agentId: 'mlee' },
      {
        eventId: `connect:${T2}:talk_ended`,
        type: 'call.ended',
        ts: '2026-11-12T01:30:38.000Z',
        callId: T1,
        agentId: 'mlee',
        endedBy: 'agent',
      },
      {
        eventId: `connect:${T2}:wrapup_completed`,
        type: 'call.wrapup_completed',
        ts: '2026-11-12T01:31:18.000Z',
        callId: T1,
        agentId: 'mlee',
        disposition: 'escalated',
      },
    ]);
    expectValid([...first!, ...second!]);
  });

  it('the first record of a transfer alone still ends by transfer, only without toQueue', () => {
    const [first] = fixture('transferred.json');
    expect(ctrToEvents(first!).at(-1)).toEqual({
      eventId: `connect:${T1}:talk_ended`,
      type: 'call.transferred',
      ts: '2026-11-12T01:24:08.000Z',
      callId: T1,
      agentId: 'asmith',
    });
  });

  describe('a contact that left the queue unanswered', () => {
    const [abandoned] = fixture('abandoned.json');
    const outcome = (changes: Partial<ContactTraceRecord>, next?: Partial<ContactTraceRecord>) =>
      ctrToEvents({ ...abandoned!, ...changes }, { next: next && { ...abandoned!, ContactId: 'next', ...next } })[1];

    it('disconnected by its flow: flowed out on timeout', () => {
      expect(outcome({ DisconnectReason: 'CONTACT_FLOW_DISCONNECT' })).toMatchObject({ type: 'call.flowed_out', reason: 'timeout' });
    });
    it('moved on to a callback the caller asked for: flowed out by key', () => {
      expect(
        outcome({ NextContactId: 'next', DisconnectReason: 'CONTACT_FLOW_DISCONNECT' }, { InitiationMethod: 'CALLBACK' }),
      ).toMatchObject({
        type: 'call.flowed_out',
        reason: 'key',
      });
    });
    it('moved on to another contact (a queue transfer): flowed out on overflow', () => {
      expect(outcome({ NextContactId: 'next' })).toMatchObject({ type: 'call.flowed_out', reason: 'overflow' });
    });
    it('lost for another reason: flowed out, reason unknown', () => {
      const event = outcome({ DisconnectReason: 'TELECOM_PROBLEM' });
      expect(event).toMatchObject({ type: 'call.flowed_out', ts: '2026-11-12T01:00:35.000Z' });
      expect(event).not.toHaveProperty('reason');
    });
    it('no disconnect reason: abandoned, as AWS counts a contact enqueued and never connected', () => {
      expect(outcome({ DisconnectReason: null })).toMatchObject({ type: 'call.abandoned' });
    });
    it('no dequeue time: the disconnect time; neither: still waiting', () => {
      expect(outcome({ Queue: { ...abandoned!.Queue!, DequeueTimestamp: null } })).toMatchObject({ ts: '2026-11-12T01:00:35.000Z' });
      expect(
        ctrToEvents({ ...abandoned!, Queue: { ...abandoned!.Queue!, DequeueTimestamp: null }, DisconnectTimestamp: null }),
      ).toHaveLength(1);
    });
  });

  it('no after-contact work in the record: call.ended says wrapup false', () => {
    const [handled] = fixture('handled-with-holds.json');
    const agent = { ...handled!.Agent!, AfterContactWorkStartTimestamp: null, AfterContactWorkEndTimestamp: null, CustomerHoldDuration: 0 };
    expect(ctrToEvents({ ...handled!, Agent: agent }).slice(2)).toEqual([
      {
        eventId: `connect:${H}:talk_ended`,
        type: 'call.ended',
        ts: '2026-11-12T01:12:25.000Z',
        callId: H,
        agentId: 'jdoe',
        endedBy: 'customer',
        wrapup: false,
      },
    ]);
  });

  it('a disposition attribute outside EVENTS.md, or none, reads as resolved', () => {
    const [handled] = fixture('handled-with-holds.json');
    const disposition = (attributes: Record<string, string>) =>
      ctrToEvents({ ...handled!, Attributes: attributes }).at(-1)!['disposition' as never];
    expect(disposition({ Disposition: 'Callback Scheduled' })).toBe('callback_scheduled');
    expect(disposition({ disposition: 'sale' })).toBe('resolved');
    expect(disposition({})).toBe('resolved');
  });

  it('a contact never queued (IVR only, outbound) has no leg', () => {
    const [abandoned] = fixture('abandoned.json');
    expect(ctrToEvents({ ...abandoned!, Queue: null })).toEqual([]);
  });
});

describe('latestByContact', () => {
  it('keeps the record with the latest LastUpdateTimestamp, whatever the order', () => {
    const [newer, older] = fixture('duplicate.json');
    expect(newer!.LastUpdateTimestamp! > older!.LastUpdateTimestamp!).toBe(true);
    expect(latestByContact([newer!, older!])).toEqual([newer]);
    expect(latestByContact([older!, newer!])).toEqual([newer]);
  });

  it('at equal times keeps the later copy; contacts stay in order of first appearance', () => {
    const [abandoned] = fixture('abandoned.json');
    const [handled] = fixture('handled-with-holds.json');
    const resent = { ...abandoned!, Attributes: { category: 'order' } };
    expect(latestByContact([abandoned!, handled!, resent])).toEqual([resent, handled]);
  });

  it('an updated record maps to the same event ids, so it replaces the first copy', () => {
    const [newer, older] = fixture('duplicate.json');
    const ids = (record: ContactTraceRecord) => ctrToEvents(record).map((event) => event.eventId);
    expect(ids(newer!)).toEqual(ids(older!));
    expect(ids(newer!)).toEqual([
      `connect:${D}:offered`,
      `connect:${D}:answered`,
      `connect:${D}:talk_ended`,
      `connect:${D}:wrapup_completed`,
    ]);
    expect(ctrToEvents(newer!).at(-1)).toMatchObject({ disposition: 'resolved' });
    expect(ctrToEvents(older!).at(-1)).toMatchObject({ disposition: 'unresolved' });
  });
});
