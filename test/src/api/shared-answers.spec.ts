import { signedInUser } from '../access/fixtures';
import { startTestApi, type TestApi } from '../helpers/api-harness';

/**
 * Report answers are shared between identical requests for CALLBOARD_QUERY_CACHE_MS (what keeps
 * 200 managers from queueing 200 copies of one query, see `pnpm bench load`), while the live
 * figures never are, and a settings change reaches reports at once.
 */
const NOW = Date.parse('2026-11-23T12:00:00+08:00');
const DAY = { from: '2026-11-23T00:00:00+08:00', to: '2026-11-24T00:00:00+08:00' };

/** A billing call offered at 09:mm, answered `answerSeconds` later. */
function answeredCall(callId: string, minute: number, answerSeconds: number) {
  const offeredAt = Date.parse(`2026-11-23T09:${String(minute).padStart(2, '0')}:00+08:00`);
  return [
    { eventId: `${callId}-o`, type: 'call.offered', ts: new Date(offeredAt).toISOString(), callId, queue: 'billing' },
    {
      eventId: `${callId}-a`,
      type: 'call.answered',
      ts: new Date(offeredAt + answerSeconds * 1000).toISOString(),
      callId,
      queue: 'billing',
      agentId: 'a-1',
    },
  ];
}

// Two calls answered in 12 s, then one answered in 40 s (past the default 20 s service level).
const FIRST_CALLS = [...answeredCall('c1', 0, 12), ...answeredCall('c2', 5, 12)];
const LATER_CALL = answeredCall('c3', 10, 40);

/** The offered count each report gives for DAY. */
async function offeredInReports(api: TestApi) {
  const [metrics, compare, trend, calls] = await Promise.all([
    api.get('/metrics', { ...DAY, groupBy: 'queue' }),
    api.get('/metrics/compare', { ...DAY, against: 'week' }),
    api.get('/trends', { ...DAY, metric: 'offered', bucket: 'day' }),
    api.get('/calls', DAY),
  ]);
  for (const answer of [metrics, compare, trend, calls]) expect(answer.status).toBe(200);
  return {
    metrics: metrics.body.totals.offered,
    compare: compare.body.current.totals.offered,
    trend: trend.body.series[0].points[0].value,
    calls: calls.body.calls.length,
  };
}

const everywhere = (offered: number) => ({ metrics: offered, compare: offered, trend: offered, calls: offered });

async function liveOfferedToday(api: TestApi, expected: number): Promise<number> {
  const deadline = Date.now() + 15_000;
  let offered: number | undefined;
  while (Date.now() < deadline) {
    const { body } = await api.get('/live', { queue: 'billing' });
    offered = body.queues?.[0]?.today.offered;
    if (offered === expected) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return offered ?? NaN;
}

const startApi = (queryCacheMs: number) => startTestApi({ now: () => NOW, env: { CALLBOARD_QUERY_CACHE_MS: String(queryCacheMs) } });

describe('shared report answers', () => {
  let api: TestApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('gives identical report requests one answer for its lifetime, while the live figures stay current', async () => {
    api = await startApi(600_000);
    await api.postEvents(FIRST_CALLS);
    expect(await offeredInReports(api)).toEqual(everywhere(2));

    await api.postEvents(LATER_CALL);

    // The same questions within the lifetime: the answers of before, not a query each.
    expect(await offeredInReports(api)).toEqual(everywhere(2));
    // The live figures are never shared: the wallboard sees the third call.
    expect(await liveOfferedToday(api, 3)).toBe(3);
    // A question differing in anything (here the grouping) is its own.
    expect((await api.get('/metrics', { ...DAY, groupBy: 'agent' })).body.totals.offered).toBe(3);
  });

  it('answers many identical requests at once alike', async () => {
    api = await startApi(600_000);
    await api.postEvents([...FIRST_CALLS, ...LATER_CALL]);

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => api!.get('/metrics/compare', { ...DAY, against: 'week', groupBy: 'queue' })),
    );

    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 20 }, () => 200));
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
    expect(answers[0]!.body.groups[0].changes.offered).toMatchObject({ current: 3, baseline: 0 });
  });

  it("never gives one caller's scope another's answer: the question is asked within the caller's scope", async () => {
    api = await startApi(600_000);
    const ordersCall = answeredCall('o1', 20, 10).map((event) => ({ ...event, queue: 'orders' }));
    await api.postEvents([...FIRST_CALLS, ...LATER_CALL, ...ordersCall]);
    const supervisor = await signedInUser(api, { username: 'orders-lead', role: 'supervisor', queues: ['orders'] });
    const offered = async (token?: string) =>
      (await api!.request('GET', '/metrics', { query: DAY, ...(token ? { token } : {}) })).body.totals.offered;

    // The same URL, asked by the orders supervisor first, then the whole centre, then the supervisor again.
    expect(await offered(supervisor.accessToken)).toBe(1);
    expect(await offered()).toBe(4);
    expect(await offered(supervisor.accessToken)).toBe(1);
  });

  it('applies a settings change to the next report at once, shared answers notwithstanding', async () => {
    api = await startApi(600_000);
    await api.postEvents([...FIRST_CALLS, ...LATER_CALL]);
    const serviceLevel = async () => (await api!.get('/metrics', { ...DAY, groupBy: 'queue' })).body.groups[0].serviceLevel;
    // 20 s: two of three answered within it.
    expect(await serviceLevel()).toBeCloseTo(2 / 3, 10);

    expect((await api.put('/settings', { queues: { billing: { serviceLevelSeconds: 60 } } })).status).toBe(200);

    // 60 s: all three.
    expect(await serviceLevel()).toBe(1);
    expect((await api.get('/settings')).body.queues.billing.serviceLevelSeconds).toBe(60);
  });

  it('answers afresh once the lifetime has passed', async () => {
    api = await startApi(1_000);
    await api.postEvents(FIRST_CALLS);
    expect(await offeredInReports(api)).toEqual(everywhere(2));
    await api.postEvents(LATER_CALL);

    await new Promise((resolve) => setTimeout(resolve, 1_500));

    expect(await offeredInReports(api)).toEqual(everywhere(3));
  });

  it('shares nothing with CALLBOARD_QUERY_CACHE_MS=0: each report sees what was stored before it', async () => {
    api = await startApi(0);
    await api.postEvents(FIRST_CALLS);
    expect(await offeredInReports(api)).toEqual(everywhere(2));

    await api.postEvents(LATER_CALL);

    expect(await offeredInReports(api)).toEqual(everywhere(3));
  });
});
