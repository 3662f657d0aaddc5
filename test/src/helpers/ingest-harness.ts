import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import pino from 'pino';
import type { ClickHouseClient } from '@callboard/infra';
import { createIngestPipeline, KafkaSource, type CallEventInput, type IngestMetrics, type IngestPipeline } from '@callboard/ingest';
import { messageKey } from '../fixtures/calls';
import { queryRows } from './clickhouse';
import type { KafkaMockCluster } from './kafka-mock-cluster';

export const quietLogger = pino({ level: 'silent' });

export function kafkaFor(cluster: KafkaMockCluster, clientId = 'callboard-test'): Kafka {
  return new Kafka({ clientId, brokers: cluster.brokers, logLevel: logLevel.NOTHING, retry: { retries: 10, initialRetryTime: 100 } });
}

export async function produceEvents(producer: Producer, topic: string, events: Array<CallEventInput | string>): Promise<void> {
  const chunk = 2000;
  for (let start = 0; start < events.length; start += chunk) {
    await producer.send({
      topic,
      acks: -1,
      messages: events
        .slice(start, start + chunk)
        .map((event) =>
          typeof event === 'string' ? { key: 'raw', value: event } : { key: messageKey(event), value: JSON.stringify(event) },
        ),
    });
  }
}

export interface RunningIngester {
  source: KafkaSource;
  pipeline: IngestPipeline;
  metrics: IngestMetrics;
  stop(): Promise<void>;
}

/** One ingester as production runs it (KafkaSource → pipeline → ClickHouse + DLQ topic), inside the test process. */
export async function startIngester(options: {
  kafka: Kafka;
  client: ClickHouseClient;
  topic: string;
  groupId: string;
  maxBatchSize?: number;
  maxBatchAgeMs?: number;
  wrapWriters?: Parameters<typeof createIngestPipeline>[0]['wrapWriters'];
}): Promise<RunningIngester> {
  const producer = options.kafka.producer();
  await producer.connect();
  const { pipeline, metrics } = await createIngestPipeline({
    client: options.client,
    batch: { maxBatchSize: options.maxBatchSize ?? 1000, maxBatchAgeMs: options.maxBatchAgeMs ?? 100 },
    piiHashKey: 'test-pii-hash-key-0123456789',
    deadLetterTopic: { producer, topic: `${options.topic}.dlq` },
    backoff: { initialMs: 50, maxMs: 500 },
    wrapWriters: options.wrapWriters,
  });
  const source = new KafkaSource({
    consumer: options.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
      rebalanceTimeout: 20_000,
    }),
    admin: options.kafka.admin(),
    groupId: options.groupId,
    topic: options.topic,
    pipeline,
    metrics,
    logger: quietLogger,
    lagIntervalMs: 200,
    shutdownTimeoutMs: 10_000,
  });
  await source.start();
  return {
    source,
    pipeline,
    metrics,
    stop: async () => {
      await source.stop();
      await producer.disconnect();
    },
  };
}

/** Distinct events stored, counted the way every metric reads them (deduplicated). */
export async function storedEventCount(client: ClickHouseClient): Promise<number> {
  const [row] = await queryRows<{ n: string }>(client, 'SELECT count() AS n FROM events FINAL');
  return Number(row?.n ?? 0);
}

export async function waitFor(condition: () => Promise<boolean>, timeoutMs = 60_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Committed offsets of a group, summed over the topic's partitions. */
export async function committedOffsetTotal(admin: Admin, groupId: string, topic: string): Promise<number> {
  const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return (offsets?.partitions ?? []).reduce((sum, partition) => sum + Math.max(0, Number(partition.offset)), 0);
}

/** The sum of a counter's values over all its labels. */
export async function counterTotal(counter: { get(): Promise<{ values: Array<{ value: number }> }> }): Promise<number> {
  return (await counter.get()).values.reduce((sum, { value }) => sum + value, 0);
}
