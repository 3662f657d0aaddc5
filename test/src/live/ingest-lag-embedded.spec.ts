/* eslint-disable @typescript-eslint/no-explicit-any -- tests read answers loosely and assert on them */
import { startTestApi, type TestApi } from '../helpers/api-harness';
import { ClickHouseOutage } from '../helpers/clickhouse-outage';
import { waitFor } from '../helpers/ingest-harness';
import { connectLive, type LiveClient } from '../helpers/live-client';

const READY_MAX_LAG_SECONDS = 5;
// The wallboard's "data delayed" threshold (web/src/features/wallboard/ingest-lag-banner.tsx).
const WALLBOARD_THRESHOLD_SECONDS = 10;

/**
 * Embedded mode: ClickHouse writes fail (the pipeline retries them) while an event waits. Its
 * age is the ingest lag, on GET /live and in every heartbeat, and past the limit /ready is 503
 * naming ingestLag; once writes succeed the event is stored and all of it returns to 0 and 200.
 */
describe('ingest lag, embedded mode', () => {
  const outage = new ClickHouseOutage();
  let api: TestApi;
  let client: LiveClient;
  const heartbeats: Array<{ at: string; ingestLagSeconds: number }> = [];

  beforeAll(async () => {
    api = await startTestApi({
      env: { CALLBOARD_READY_MAX_LAG_SECONDS: String(READY_MAX_LAG_SECONDS) },
      testHooks: { wrapWriters: outage.wrapWriters },
    });
    client = connectLive(api.origin);
    client.socket.on('heartbeat', (heartbeat: { at: string; ingestLagSeconds: number }) => heartbeats.push(heartbeat));
  });
  afterAll(async () => {
    outage.down = false;
    client?.close();
    await api?.close();
  });

  const live = async () => (await api.get('/live')).body;
  const ready = () => api.request('GET', '/ready', { token: null });

  it('grows while ClickHouse refuses writes, fails /ready past the limit, and returns to 0 once the event is stored', async () => {
    const before = await ready();
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      status: 'ready',
      checks: {
        clickHouse: { ok: true, ms: expect.any(Number) },
        ingestLag: { ok: true, seconds: 0, messages: 0, limit: READY_MAX_LAG_SECONDS },
      },
    });
    expect(await live()).toMatchObject({ ingestLagSeconds: 0, ingestLagMessages: 0 });

    outage.down = true;
    const sentAt = Date.now();
    // Embedded intake answers once the event is stored: this request stays open through the outage.
    const posted = api.postEvents([
      { eventId: 'lag-1', type: 'call.offered', ts: new Date(sentAt).toISOString(), callId: 'lag-c1', queue: 'billing' },
    ]);
    await waitFor(async () => (await live()).ingestLagMessages === 1, 10_000, 'the event to be held by the pipeline');
    const acceptedBy = Date.now();

    await waitFor(
      async () => (await live()).ingestLagSeconds > WALLBOARD_THRESHOLD_SECONDS,
      60_000,
      `the lag to pass ${WALLBOARD_THRESHOLD_SECONDS} s`,
    );
    // The event arrived between sentAt and acceptedBy: its age now is bracketed by the two (to the tenth the api rounds to).
    const askedAt = Date.now();
    const during = await live();
    const answeredAt = Date.now();
    expect(during.ingestLagMessages).toBe(1);
    expect(during.ingestLagSeconds).toBeGreaterThanOrEqual((askedAt - acceptedBy) / 1000 - 0.05);
    expect(during.ingestLagSeconds).toBeLessThanOrEqual((answeredAt - sentAt) / 1000 + 0.05);

    const notReady = await ready();
    expect(notReady.status).toBe(503);
    expect(notReady.body.status).toBe('not_ready');
    expect(notReady.body.checks.clickHouse.ok).toBe(true); // reads still work: only the lag fails
    expect(notReady.body.checks.ingestLag).toMatchObject({ ok: false, messages: 1, limit: READY_MAX_LAG_SECONDS });
    expect(notReady.body.checks.ingestLag.seconds).toBeGreaterThan(WALLBOARD_THRESHOLD_SECONDS);
    expect(notReady.body.checks.kafka).toBeUndefined();
    // Liveness is not readiness: the process answers, so /health stays 200.
    const health = await api.request('GET', '/health', { token: null });
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', mode: 'embedded' });

    // The heartbeat carries the same figure every second.
    const lastBeat = heartbeats.at(-1)!;
    expect(lastBeat.ingestLagSeconds).toBeGreaterThan(WALLBOARD_THRESHOLD_SECONDS - 1.5);
    expect(Date.parse(lastBeat.at)).toBeGreaterThan(sentAt);

    outage.down = false;
    await expect(posted).resolves.toMatchObject({ accepted: 1 });
    expect(await live()).toMatchObject({ ingestLagSeconds: 0, ingestLagMessages: 0 });
    const after = await ready();
    expect(after.status).toBe(200);
    expect(after.body.checks.ingestLag).toEqual({ ok: true, seconds: 0, messages: 0, limit: READY_MAX_LAG_SECONDS });
    const beatsAfter = heartbeats.length;
    await waitFor(async () => heartbeats.length > beatsAfter, 5_000, 'a heartbeat after recovery');
    expect(heartbeats.at(-1)!.ingestLagSeconds).toBe(0);
    // The event is stored once: today's billing figures count it.
    await waitFor(
      async () => (await live()).queues.find((queue: any) => queue.queue === 'billing')?.today.offered === 1,
      10_000,
      'lag-1 counted',
    );
  });
});
