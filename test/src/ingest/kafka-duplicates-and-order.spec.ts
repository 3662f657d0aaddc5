import type { Admin, Kafka, Producer } from 'kafkajs';
import type { CallEventInput } from '@callboard/ingest';
import { generateCallEvents } from '../fixtures/calls';
import { openTestClickHouse, queryRows, type TestClickHouse } from '../helpers/clickhouse';
import {
  committedOffsetTotal,
  kafkaFor,
  produceEvents,
  startIngester,
  storedEventCount,
  waitFor,
  type RunningIngester,
} from '../helpers/ingest-harness';
import { startKafkaMockCluster, type KafkaMockCluster } from '../helpers/kafka-mock-cluster';

const TOPIC = 'call-events';
const START = Date.parse('2026-11-20T01:00:00Z');

describe('Kafka → ClickHouse: duplicates and arrival order never change what is stored', () => {
  let cluster: KafkaMockCluster;
  let kafka: Kafka;
  let producer: Producer;
  let admin: Admin;
  let clickHouse: TestClickHouse;
  let ingester: RunningIngester | undefined;

  beforeEach(async () => {
    cluster = await startKafkaMockCluster(3);
    await cluster.createTopic(TOPIC, 6);
    await cluster.createTopic(`${TOPIC}.dlq`, 1);
    kafka = kafkaFor(cluster);
    producer = kafka.producer();
    await producer.connect();
    admin = kafka.admin();
    await admin.connect();
    clickHouse = await openTestClickHouse();
  });

  afterEach(async () => {
    await ingester?.stop();
    ingester = undefined;
    await producer.disconnect();
    await admin.disconnect();
    await clickHouse.dispose();
    await cluster.stop();
  });

  it('stores every event once when every event is sent twice', async () => {
    const events = generateCallEvents(300, START);
    await produceEvents(producer, TOPIC, events);
    await produceEvents(producer, TOPIC, events);
    const messages = events.length * 2;

    ingester = await startIngester({ kafka, client: clickHouse.client, topic: TOPIC, groupId: 'dup-test' });
    await waitFor(async () => (await committedOffsetTotal(admin, 'dup-test', TOPIC)) === messages, 60_000, 'all offsets committed');

    expect(await storedEventCount(clickHouse.client)).toBe(events.length);
    const perType = await queryRows<{ type: string; n: string }>(
      clickHouse.client,
      'SELECT type, count() AS n FROM events FINAL GROUP BY type ORDER BY type',
    );
    expect(Object.fromEntries(perType.map((row) => [row.type, Number(row.n)]))).toEqual(countByType(events));
    // The same holds without FINAL once duplicates are collapsed by id, the other way readers may dedupe.
    const [distinct] = await queryRows<{ n: string }>(clickHouse.client, 'SELECT uniqExact(event_id) AS n FROM events');
    expect(Number(distinct?.n)).toBe(events.length);
  });

  it('stores the same rows when each call arrives in reverse order', async () => {
    const events = generateCallEvents(200, START);
    const reversedPerCall = [...events].reverse();
    await produceEvents(producer, TOPIC, reversedPerCall);

    ingester = await startIngester({ kafka, client: clickHouse.client, topic: TOPIC, groupId: 'order-test' });
    await waitFor(async () => (await storedEventCount(clickHouse.client)) === events.length, 60_000, 'all events stored');

    const stored = await queryRows<{ event_id: string; ts: string }>(
      clickHouse.client,
      'SELECT event_id, ts FROM events FINAL ORDER BY event_id',
    );
    const expected = events
      .map((event) => ({ event_id: event.eventId, ts: new Date(event.ts as string).toISOString() }))
      .sort((a, b) => (a.event_id < b.event_id ? -1 : 1));
    expect(stored).toEqual(expected);
  });

  it('stores customerId only as its HMAC, never the raw number', async () => {
    const events = generateCallEvents(20, START);
    await produceEvents(producer, TOPIC, events);
    ingester = await startIngester({ kafka, client: clickHouse.client, topic: TOPIC, groupId: 'pii-test' });
    await waitFor(async () => (await storedEventCount(clickHouse.client)) === events.length, 60_000, 'all events stored');

    const [leak] = await queryRows<{ n: string }>(
      clickHouse.client,
      "SELECT count() AS n FROM events WHERE position(customer_hash, '+86') > 0 OR position(extra, '+86') > 0",
    );
    expect(Number(leak?.n)).toBe(0);
    const hashes = await queryRows<{ customer_hash: string }>(
      clickHouse.client,
      "SELECT DISTINCT customer_hash FROM events WHERE type = 'call.offered'",
    );
    expect(hashes.length).toBeGreaterThan(1);
    for (const { customer_hash } of hashes) expect(customer_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

function countByType(events: CallEventInput[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of events) counts[event.type] = (counts[event.type] ?? 0) + 1;
  return counts;
}
