import { startTestApi, type TestApi } from '../helpers/api-harness';
import { waitFor } from '../helpers/ingest-harness';
import { ClickHouseHttpShim, hideClickHouseClientErrors } from './clickhouse-http-shim';

/**
 * The api on the production path (a ClickHouse server over HTTP: the shim over chdb) when the
 * database is slower than CALLBOARD_REQUEST_TIMEOUT_MS: callers get a 503 with Retry-After
 * instead of waiting, identical requests share one query instead of piling up copies of it,
 * and the answer that arrives late still serves the requests after it.
 */
const NOW = Date.parse('2026-10-01T12:00:00+08:00');
const DAY = { from: '2026-10-01T00:00:00+08:00', to: '2026-10-02T00:00:00+08:00' };
const CALLS = ['c1', 'c2', 'c3'].flatMap((callId, index) => [
  { eventId: `${callId}-o`, type: 'call.offered', ts: `2026-10-01T09:0${index}:00.000+08:00`, callId, queue: 'billing' },
  { eventId: `${callId}-a`, type: 'call.answered', ts: `2026-10-01T09:0${index}:15.000+08:00`, callId, queue: 'billing', agentId: 'a-1' },
]);
const SAME_REQUESTS = 10;

// A metrics query over DAY: the live feed's own end at now (plus a skew allowance), so only the test's requests match.
const DAY_END_PARAMETER = '2026-10-01 16:00:00.000';
const isReportOverDay = (sql: string, params: Record<string, unknown>) => sql.includes('totals_only') && params['to'] === DAY_END_PARAMETER;

describe('a database slower than the request timeout (production path)', () => {
  let shim: ClickHouseHttpShim;
  let api: TestApi | undefined;
  let release: () => void;
  let heldQueries: number;
  beforeEach(async () => {
    shim = new ClickHouseHttpShim();
    await shim.start();
    hideClickHouseClientErrors();
    heldQueries = 0;
    const released = new Promise<void>((resolve) => (release = resolve));
    shim.beforeStatement = async (sql, params) => {
      if (!isReportOverDay(sql, params)) return;
      heldQueries += 1;
      await released;
    };
  });
  afterEach(async () => {
    release();
    await api?.close();
    api = undefined;
    await shim.dispose();
    jest.restoreAllMocks();
  });

  const startApi = (queryCacheMs: number) =>
    startTestApi({
      now: () => NOW,
      env: { CLICKHOUSE_URL: shim.url, CALLBOARD_REQUEST_TIMEOUT_MS: '1000', CALLBOARD_QUERY_CACHE_MS: String(queryCacheMs) },
    });
  const sameRequests = (instance: TestApi) =>
    Promise.all(Array.from({ length: SAME_REQUESTS }, () => instance.request('GET', '/metrics', { query: DAY })));

  it('answers 503 with Retry-After at the timeout, runs one query for identical requests, and serves its late answer after', async () => {
    api = await startApi(60_000);
    await api.postEvents(CALLS);

    const refused = await sameRequests(api);

    expect(refused.map((answer) => answer.status)).toEqual(Array.from({ length: SAME_REQUESTS }, () => 503));
    expect(refused.map((answer) => answer.headers.get('retry-after'))).toEqual(Array.from({ length: SAME_REQUESTS }, () => '30'));
    expect(refused[0]!.body).toMatchObject({ statusCode: 503, message: expect.stringContaining('longer than 1 s') });
    expect(heldQueries).toBe(1);

    release();
    const instance = api;
    await waitFor(async () => (await instance.request('GET', '/metrics', { query: DAY })).status === 200, 20_000, 'the late answer');

    const served = await instance.request('GET', '/metrics', { query: DAY });
    expect(served.body.totals).toMatchObject({ offered: 3, answered: 3, answeredWithinServiceLevel: 3 });
    // Every request after the timeout was served by the one query that was held.
    expect(heldQueries).toBe(1);
  });

  it('without sharing (CALLBOARD_QUERY_CACHE_MS=0) each identical request runs its own query: what sharing saves', async () => {
    api = await startApi(0);
    await api.postEvents(CALLS);

    const refused = await sameRequests(api);

    expect(refused.map((answer) => answer.status)).toEqual(Array.from({ length: SAME_REQUESTS }, () => 503));
    expect(heldQueries).toBe(SAME_REQUESTS);
  });
});
