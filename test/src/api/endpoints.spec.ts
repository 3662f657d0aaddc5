import { startTestApi, type TestApi } from '../helpers/api-harness';

// One answered call (the EVENTS.md example) on 22 November and one abandoned call on the 21st,
// Asia/Shanghai; "now" is pinned a day later.
const ANSWERED = [
  {
    eventId: 'e1',
    type: 'call.offered',
    ts: '2026-11-22T09:00:00.000+08:00',
    callId: 'c-1',
    queue: 'billing',
    customerId: '+8613800000001',
    category: 'complaint',
  },
  { eventId: 'e2', type: 'call.answered', ts: '2026-11-22T09:00:12.000+08:00', callId: 'c-1', queue: 'billing', agentId: 'a-7' },
  { eventId: 'e3', type: 'call.hold_started', ts: '2026-11-22T09:02:00.000+08:00', callId: 'c-1', agentId: 'a-7' },
  { eventId: 'e4', type: 'call.hold_ended', ts: '2026-11-22T09:02:30.000+08:00', callId: 'c-1', agentId: 'a-7' },
  { eventId: 'e5', type: 'call.ended', ts: '2026-11-22T09:05:12.000+08:00', callId: 'c-1', agentId: 'a-7' },
  {
    eventId: 'e6',
    type: 'call.wrapup_completed',
    ts: '2026-11-22T09:06:00.000+08:00',
    callId: 'c-1',
    agentId: 'a-7',
    disposition: 'resolved',
  },
  { eventId: 'e7', type: 'survey.completed', ts: '2026-11-22T09:07:00.000+08:00', callId: 'c-1', score: 5 },
];
const ABANDONED = [
  { eventId: 'e8', type: 'call.offered', ts: '2026-11-21T10:00:00.000+08:00', callId: 'c-2', queue: 'billing' },
  { eventId: 'e9', type: 'call.abandoned', ts: '2026-11-21T10:00:40.000+08:00', callId: 'c-2', queue: 'billing' },
];
const DAY = { from: '2026-11-22T00:00:00+08:00', to: '2026-11-23T00:00:00+08:00' };

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ now: () => Date.parse('2026-11-23T12:00:00+08:00') });
  await api.postEvents([...ANSWERED, ...ABANDONED]);
});
afterAll(() => api?.close());

describe('GET /metrics/compare', () => {
  it('sets a day beside the day before: both values, delta, relative change and better/worse', async () => {
    const { status, body } = await api.get('/metrics/compare', { ...DAY, against: 'previous' });
    expect(status).toBe(200);
    expect(body.baseline).toMatchObject({ from: '2026-11-21T00:00:00+08:00', to: '2026-11-22T00:00:00+08:00' });
    // Today 1 answered of 1 (abandonment 0/1 = 0); yesterday 1 long abandon of 1 (1/1 = 1).
    expect(body.changes.abandonmentRate).toEqual({ current: 0, baseline: 1, delta: -1, relative: -1, better: true });
    // Service level 1/1 against 0/1: higher is better.
    expect(body.changes.serviceLevel).toEqual({ current: 1, baseline: 0, delta: 1, relative: null, better: true });
    // ASA 12 s against none answered: no delta.
    expect(body.changes.asaSeconds).toEqual({ current: 12, baseline: null, delta: null, relative: null, better: null });
  });

  it('compares each queue with groupBy', async () => {
    const { body } = await api.get('/metrics/compare', { ...DAY, against: 'week', groupBy: 'queue' });
    expect(body.baseline.from).toBe('2026-11-15T00:00:00+08:00');
    expect(body.groups).toEqual([expect.objectContaining({ key: { queue: 'billing' } })]);
    expect(body.groups[0].changes.offered).toMatchObject({ current: 1, baseline: 0, delta: 1 });
  });

  it('needs againstFrom and againstTo with against=custom, naming them', async () => {
    const { status, body } = await api.get('/metrics/compare', { ...DAY, against: 'custom', againstTo: '2026-11-20T00:00:00+08:00' });
    expect(status).toBe(400);
    expect(body.parameters.map((problem: { name: string }) => problem.name)).toEqual(['againstFrom']);
  });
});

describe('GET /trends', () => {
  it('gives a point per day for every day of the period, null where the figure has no denominator', async () => {
    const { status, body } = await api.get('/trends', {
      from: '2026-11-20T00:00:00+08:00',
      to: DAY.to,
      metric: 'ahtSeconds',
      bucket: 'day',
    });
    expect(status).toBe(200);
    expect(body.definition).toContain('sum of handle time');
    // AHT on the 22nd: talk 270 + hold 30 + ACW 48 = 348 s.
    expect(body.series).toEqual([
      {
        key: {},
        points: [
          { bucket: '2026-11-20T00:00:00+08:00', value: null },
          { bucket: '2026-11-21T00:00:00+08:00', value: null },
          { bucket: '2026-11-22T00:00:00+08:00', value: 348 },
        ],
      },
    ]);
  });

  it('refuses a bucket that would cut the period too finely, naming it', async () => {
    const { status, body } = await api.get('/trends', {
      from: '2026-01-01T00:00:00+08:00',
      to: '2026-12-01T00:00:00+08:00',
      metric: 'offered',
      bucket: 'interval15m',
    });
    expect(status).toBe(400);
    expect(body.parameters[0].name).toBe('bucket');
  });
});

describe('GET /calls and /calls/:callId', () => {
  const TWO_DAYS = { from: '2026-11-21T00:00:00+08:00', to: DAY.to };

  it('pages through calls newest first with a cursor', async () => {
    const first = await api.get('/calls', { ...TWO_DAYS, limit: 1 });
    expect(first.body.calls.map((call: { callId: string }) => call.callId)).toEqual(['c-1']);
    const second = await api.get('/calls', { ...TWO_DAYS, limit: 1, cursor: first.body.nextCursor });
    expect(second.body.calls.map((call: { callId: string }) => call.callId)).toEqual(['c-2']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('finds the calls behind a figure by outcome', async () => {
    const { body } = await api.get('/calls', { ...TWO_DAYS, outcome: 'abandoned' });
    expect(body.calls).toEqual([expect.objectContaining({ callId: 'c-2', customer: null, fcr: null })]);
    expect(body.calls[0].legs).toEqual([
      { queue: 'billing', offeredAt: '2026-11-21T10:00:00+08:00', outcome: 'abandoned', agent: null, waitSeconds: 40 },
    ]);
  });

  it("shows one call's legs with wait, talk, hold, ACW and handle time, and its timeline without the caller's number", async () => {
    const { status, body } = await api.get('/calls/c-1');
    expect(status).toBe(200);
    expect(body.legs).toEqual([
      expect.objectContaining({
        queue: 'billing',
        outcome: 'answered',
        agent: 'a-7',
        waitSeconds: 12,
        talkSeconds: 270,
        holdSeconds: 30,
        acwSeconds: 48,
        handleSeconds: 348,
        endedBy: 'end',
        disposition: 'resolved',
      }),
    ]);
    expect(body.events.map((event: { type: string }) => event.type)).toEqual(ANSWERED.map((event) => event.type));
    expect(body).toMatchObject({ category: 'complaint', agent: 'a-7', surveyScore: 5, fcr: 'pending' });
    expect(JSON.stringify(body)).not.toContain('8613800000001');
  });

  it('answers 404 for an unknown call and 400 for a bad cursor or page size', async () => {
    expect((await api.get('/calls/no-such-call')).status).toBe(404);
    const badCursor = await api.get('/calls', { ...TWO_DAYS, cursor: 'nonsense' });
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.parameters[0].name).toBe('cursor');
    const tooMany = await api.get('/calls', { ...TWO_DAYS, limit: 501 });
    expect(tooMany.body.parameters[0].name).toBe('limit');
  });
});

describe('GET and PUT /settings', () => {
  it("merges a queue's overrides over the defaults, and the metrics follow them", async () => {
    const put = await api.put('/settings', {
      queues: { billing: { serviceLevelSeconds: 10, thresholds: { asaSeconds: { amber: 8, red: 15 } } } },
    });
    expect(put.status).toBe(200);
    expect(put.body.queues.billing).toMatchObject({
      serviceLevelSeconds: 10,
      shortAbandonSeconds: 5,
      thresholds: { asaSeconds: { amber: 8, red: 15 }, serviceLevel: { amber: 0.8, red: 0.7 } },
    });
    // The one answer took 12 s: within 20 s, not within 10 s.
    const { body } = await api.get('/metrics', DAY);
    expect(body.totals).toMatchObject({ answeredWithinServiceLevel: 0, serviceLevel: 0 });
    await api.put('/settings', { queues: { billing: null } });
    expect((await api.get('/metrics', DAY)).body.totals.serviceLevel).toBe(1);
  });

  it('refuses an unknown setting or an out-of-range value, naming it', async () => {
    const unknown = await api.put('/settings', { queues: { billing: { serviceLevelSecs: 10 } } });
    expect(unknown.status).toBe(400);
    const outOfRange = await api.put('/settings', { defaults: { fcrWindowHours: 0 } });
    expect(outOfRange.body.parameters[0].name).toBe('defaults.fcrWindowHours');
  });
});

describe('POST /events', () => {
  it('takes NDJSON, names the invalid lines, and stores the valid ones and the dead letters', async () => {
    const lines = [
      JSON.stringify({ eventId: 'n1', type: 'call.offered', ts: '2026-11-20T09:00:00+08:00', callId: 'c-9', queue: 'sales' }),
      '{not json',
      JSON.stringify({ eventId: 'n2', type: 'survey.completed', ts: '2026-11-20T09:10:00+08:00', callId: 'c-9', score: 6 }),
    ];
    const response = await fetch(`${api.baseUrl}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${api.token}` },
      body: lines.join('\n'),
    });
    expect(response.status).toBe(202);
    const result = (await response.json()) as { accepted: number; rejected: Array<{ index: number; reason: string }> };
    expect(result.accepted).toBe(1);
    expect(result.rejected.map((rejection) => [rejection.index, rejection.reason.split(':')[0]])).toEqual([
      [1, 'invalid_json'],
      [2, 'out_of_range'],
    ]);
    const { body } = await api.get('/metrics', { from: '2026-11-20T00:00:00+08:00', to: '2026-11-21T00:00:00+08:00' });
    expect(body.totals.offered).toBe(1);
  });

  it('answers 400 for a body that is not events, and for malformed JSON', async () => {
    const empty = await fetch(`${api.baseUrl}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
      body: '{}',
    });
    expect(empty.status).toBe(400);
    const malformed = await fetch(`${api.baseUrl}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
      body: '[{"eventId":',
    });
    expect(malformed.status).toBe(400);
  });
});

describe('GET /health and the OpenAPI document', () => {
  it('reports liveness and the mode (dependencies are /ready’s: test/src/live/ingest-lag-*.spec.ts)', async () => {
    expect((await api.get('/health')).body).toEqual({ status: 'ok', mode: 'embedded' });
  });

  it('describes each metric by its METRICS.md definition', async () => {
    const document = (await (await fetch(api.baseUrl.replace('/api/v1', '/api/docs/openapi.json'))).json()) as {
      components: { schemas: Record<string, unknown> };
    };
    const text = JSON.stringify(document.components.schemas);
    expect(text).toContain('(abandoned − shortAbandoned) / (offered − shortAbandoned)');
    expect(text).toContain('first-contact resolution: resolved on first contact / decided contacts');
  });
});
