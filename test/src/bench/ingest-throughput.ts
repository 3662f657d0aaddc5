import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCustomerHasher, decodeEvent, toEventRow } from '@callboard/ingest';
import { generateCallEvents, messageKey } from '../fixtures/calls';
import { openTestClickHouse, queryRows } from '../helpers/clickhouse';
import { committedOffsetTotal, counterTotal, kafkaFor, startIngester, storedEventCount } from '../helpers/ingest-harness';
import { startKafkaMockCluster } from '../helpers/kafka-mock-cluster';

export interface IngestThroughput {
  events: number;
  partitions: number;
  pipelineEventsPerSecond: number;
  rawConsumeEventsPerSecond: number;
  clickHouseFileInsertEventsPerSecond: number;
  stages: { decodeValidateNormaliseEventsPerSecond: number; clientInsertEventsPerSecond: number };
}

// The mock broker keeps only ~5 MB per partition, so the volume is spread over many partitions
// and every count is asserted: a silent truncation fails the run instead of flattering it.
const PARTITIONS = 24;
const CALLS = 40_000;
const TOPIC = 'bench-events';

export async function measureIngestThroughput(log: (line: string) => void): Promise<IngestThroughput> {
  const events = generateCallEvents(CALLS, Date.parse('2026-10-01T00:00:00Z'), 60_000, 'bench');
  const messages = events.map((event) => ({ key: messageKey(event), value: JSON.stringify(event) }));
  log(`ingest: ${events.length} events over ${PARTITIONS} partitions`);

  const cluster = await startKafkaMockCluster(3);
  const clickHouse = await openTestClickHouse();
  try {
    await cluster.createTopic(TOPIC, PARTITIONS);
    await cluster.createTopic(`${TOPIC}.dlq`, 1);
    const kafka = kafkaFor(cluster, 'bench');
    const producer = kafka.producer();
    await producer.connect();
    for (let start = 0; start < messages.length; start += 5000) {
      await producer.send({ topic: TOPIC, acks: -1, messages: messages.slice(start, start + 5000) });
    }
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(TOPIC);
    const onTopic = offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
    if (onTopic !== events.length) throw new Error(`the broker holds ${onTopic} of ${events.length} messages: raise PARTITIONS`);

    const rawConsumeEventsPerSecond = await measureRawConsume(kafka, events.length);
    log(`ingest: kafkajs consume doing nothing: ${Math.round(rawConsumeEventsPerSecond)} events/s`);

    const ingester = await startIngester({
      kafka,
      client: clickHouse.client,
      topic: TOPIC,
      groupId: 'bench-pipeline',
      maxBatchSize: 10_000,
      maxBatchAgeMs: 250,
    });
    const firstRecordAt = await firstReceived(ingester.metrics.received);
    while ((await committedOffsetTotal(admin, 'bench-pipeline', TOPIC)) < events.length) await sleep(20);
    const pipelineSeconds = (performance.now() - firstRecordAt) / 1000;
    await ingester.stop();
    const stored = await storedEventCount(clickHouse.client);
    if (stored !== events.length) throw new Error(`pipeline stored ${stored} of ${events.length}`);
    const pipelineEventsPerSecond = events.length / pipelineSeconds;
    log(`ingest: Kafka → ClickHouse pipeline, committed and deduplicated: ${Math.round(pipelineEventsPerSecond)} events/s`);

    const hashCustomer = createCustomerHasher('bench-key-0123456789abcdef');
    const now = Date.now();
    let started = performance.now();
    const rows = messages.map((message) => {
      const validation = decodeEvent(message.value, now);
      if (!validation.ok) throw new Error(validation.rejection.reason);
      return toEventRow(validation.event, hashCustomer);
    });
    const decodeValidateNormaliseEventsPerSecond = rows.length / ((performance.now() - started) / 1000);

    await clickHouse.client.command({ query: 'CREATE TABLE events_client_insert AS events' });
    started = performance.now();
    for (let start = 0; start < rows.length; start += 10_000) {
      await clickHouse.client.insert({ table: 'events_client_insert', values: rows.slice(start, start + 10_000), format: 'JSONEachRow' });
    }
    const clientInsertEventsPerSecond = rows.length / ((performance.now() - started) / 1000);

    const file = join(tmpdir(), `callboard-bench-${process.pid}.ndjson`);
    writeFileSync(file, rows.map((row) => JSON.stringify(row)).join('\n'));
    await clickHouse.client.command({ query: 'CREATE TABLE events_from_file AS events' });
    started = performance.now();
    await clickHouse.client.command({
      query: `INSERT INTO events_from_file SELECT * EXCEPT ingested_at, now64(3) FROM file({file:String}, 'JSONEachRow')`,
      query_params: { file },
    });
    const clickHouseFileInsertEventsPerSecond = events.length / ((performance.now() - started) / 1000);
    const [fromFile] = await queryRows<{ n: string }>(clickHouse.client, 'SELECT count() AS n FROM events_from_file');
    if (Number(fromFile?.n) !== events.length) throw new Error(`file insert stored ${fromFile?.n} of ${events.length}`);
    log(`ingest: ClickHouse INSERT … FROM file: ${Math.round(clickHouseFileInsertEventsPerSecond)} events/s`);
    await admin.disconnect();

    return {
      events: events.length,
      partitions: PARTITIONS,
      pipelineEventsPerSecond,
      rawConsumeEventsPerSecond,
      clickHouseFileInsertEventsPerSecond,
      stages: { decodeValidateNormaliseEventsPerSecond, clientInsertEventsPerSecond },
    };
  } finally {
    await clickHouse.dispose();
    await cluster.stop();
  }
}

async function measureRawConsume(kafka: ReturnType<typeof kafkaFor>, expected: number): Promise<number> {
  const consumer = kafka.consumer({ groupId: 'bench-raw' });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
  let count = 0;
  let firstAt = 0;
  let lastAt = 0;
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachBatch: async ({ batch }) => {
      firstAt ||= performance.now();
      count += batch.messages.length;
      lastAt = performance.now();
    },
  });
  while (count < expected) await sleep(20);
  await consumer.disconnect();
  return count / ((lastAt - firstAt) / 1000);
}

async function firstReceived(counter: Parameters<typeof counterTotal>[0]): Promise<number> {
  while ((await counterTotal(counter)) === 0) await sleep(5);
  return performance.now();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
