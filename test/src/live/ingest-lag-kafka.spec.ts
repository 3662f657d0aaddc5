/* eslint-disable @typescript-eslint/no-explicit-any -- tests read answers loosely and assert on them */
import type { Producer } from 'kafkajs';
import { startTestApi, type TestApi } from '../helpers/api-harness';
import { ClickHouseOutage } from '../helpers/clickhouse-outage';
import { kafkaFor, produceEvents, waitFor } from '../helpers/ingest-harness';
import { startKafkaMockCluster, type KafkaMockCluster } from '../helpers/kafka-mock-cluster';

const TOPIC = 'call-events';
const READY_MAX_LAG_SECONDS = 5;
const LAG_SHOWN_SECONDS = 10;
// Consumer-group joins against the mock take seconds.
const GROUP_JOIN_MS = 60_000;

/**
 * Kafka mode: the ingest group (here the api's in-process ingester, its ClickHouse writes made to
 * fail) stops committing, so produced messages stay after its committed offsets. The api's live
 * consumer has read them with their Kafka timestamps: the lag is the oldest one's age.
 */
describe('ingest lag, Kafka mode', () => {
  const outage = new ClickHouseOutage();
  let cluster: KafkaMockCluster;
  let producer: Producer;
  let api: TestApi;

  beforeAll(async () => {
    cluster = await startKafkaMockCluster(3);
    await cluster.createTopic(TOPIC, 6);
    await cluster.createTopic(`${TOPIC}.dlq`, 1);
    producer = kafkaFor(cluster).producer();
    await producer.connect();
    api = await startTestApi({
      env: { KAFKA_BROKERS: cluster.brokers.join(','), KAFKA_TOPIC: TOPIC, CALLBOARD_READY_MAX_LAG_SECONDS: String(READY_MAX_LAG_SECONDS) },
      testHooks: { wrapWriters: outage.wrapWriters },
    });
  });
  afterAll(async () => {
    outage.down = false;
    await api?.close();
    await producer?.disconnect();
    await cluster?.stop();
  });

  const live = async () => (await api.get('/live')).body;
  const ready = () => api.request('GET', '/ready', { token: null });
  const offered = (callId: string, at: number) => ({
    eventId: `${callId}-offered`,
    type: 'call.offered' as const,
    ts: new Date(at).toISOString(),
    callId,
    queue: 'kafka-lag',
  });

  it('grows while the ingest group commits nothing, fails /ready past the limit, and returns to 0 once it catches up', async () => {
    // First a message the ingester stores and commits: then the lag is 0 with the groups joined.
    await produceEvents(producer, TOPIC, [offered('k0', Date.now())]);
    await waitFor(
      async () => (await live()).queues.find((queue: any) => queue.queue === 'kafka-lag')?.today.offered === 1,
      GROUP_JOIN_MS,
      'k0 stored',
    );
    await waitFor(async () => (await live()).ingestLagMessages === 0, 20_000, 'k0 committed');
    const before = await ready();
    expect(before.status).toBe(200);
    expect(before.body.checks).toMatchObject({
      clickHouse: { ok: true },
      kafka: { ok: true },
      ingestLag: { ok: true, seconds: 0, messages: 0, limit: READY_MAX_LAG_SECONDS },
    });

    outage.down = true;
    const producedFrom = Date.now();
    await produceEvents(producer, TOPIC, [offered('k1', producedFrom), offered('k2', producedFrom)]);
    const producedBy = Date.now();
    await waitFor(async () => (await live()).ingestLagSeconds > LAG_SHOWN_SECONDS, 60_000, `the lag to pass ${LAG_SHOWN_SECONDS} s`);
    const askedAt = Date.now();
    const during = await live();
    const answeredAt = Date.now();
    // Produced between producedFrom and producedBy; timestamps count to the whole second below, and
    // the committed offsets are read every 2 s: the figure can be up to 1 s older than the truth.
    expect(during.ingestLagSeconds).toBeGreaterThanOrEqual((askedAt - producedBy) / 1000 - 0.05);
    expect(during.ingestLagSeconds).toBeLessThanOrEqual((answeredAt - producedFrom) / 1000 + 1.05);
    expect(during.ingestLagMessages).toBe(2);

    const notReady = await ready();
    expect(notReady.status).toBe(503);
    expect(notReady.body.status).toBe('not_ready');
    expect(notReady.body.checks.kafka.ok).toBe(true);
    expect(notReady.body.checks.clickHouse.ok).toBe(true);
    expect(notReady.body.checks.ingestLag).toMatchObject({ ok: false, messages: 2, limit: READY_MAX_LAG_SECONDS });
    expect(notReady.body.checks.ingestLag.seconds).toBeGreaterThan(LAG_SHOWN_SECONDS);

    outage.down = false;
    await waitFor(async () => (await live()).ingestLagSeconds === 0, 30_000, 'the lag back to 0');
    expect((await live()).ingestLagMessages).toBe(0);
    const after = await ready();
    expect(after.status).toBe(200);
    expect(after.body.checks.ingestLag).toEqual({ ok: true, seconds: 0, messages: 0, limit: READY_MAX_LAG_SECONDS });
  });

  it('answers 503 naming kafka while no broker answers; once they answer, 200 and the live feed flows again', async () => {
    for (const broker of [1, 2, 3]) await cluster.setBrokerDown(broker);
    try {
      const down = await ready();
      expect(down.status).toBe(503);
      expect(down.body.checks.kafka).toMatchObject({ ok: false, error: expect.any(String) });
      expect(down.body.checks.clickHouse.ok).toBe(true);
    } finally {
      for (const broker of [1, 2, 3]) await cluster.setBrokerUp(broker);
    }
    await waitFor(async () => (await ready()).status === 200, 60_000, '/ready back to 200 with the brokers up');
    // Both consumers crashed meanwhile (no broker): the live feed and the ingester are back, an event produced now is
    // live and stored. (Before KafkaLiveSource restarted itself, the live feed stayed silent here.)
    await produceEvents(producer, TOPIC, [{ ...offered('k3', Date.now()), queue: 'after-outage' }]);
    await waitFor(
      async () => {
        const queue = (await live()).queues.find((candidate: any) => candidate.queue === 'after-outage');
        return queue?.waitingNow === 1 && queue.today.offered === 1;
      },
      GROUP_JOIN_MS,
      'an event produced after the outage, live and stored',
    );
  });
});
