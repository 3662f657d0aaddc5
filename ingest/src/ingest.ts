import type { Producer } from 'kafkajs';
import type { ClickHouseClient } from '@callboard/infra';
import type { BatchSettings } from './config';
import { IngestMetrics } from './metrics';
import { ClickHouseDeadLetterWriter, ClickHouseEventWriter } from './pipeline/clickhouse-writers';
import { KafkaDeadLetterWriter } from './pipeline/kafka-dlq-writer';
import { IngestPipeline, type BatchWriter } from './pipeline/pipeline';
import { createCustomerHasher, resolvePiiHashKey } from './pipeline/pii';
import { DEFAULT_BACKOFF, type Backoff } from './pipeline/retry';

export interface IngestPipelineSettings {
  client: ClickHouseClient;
  batch: BatchSettings;
  piiHashKey?: string;
  /** When Kafka is configured, rejected records also go to `<topic>.dlq`. */
  deadLetterTopic?: { producer: Producer; topic: string };
  metrics?: IngestMetrics;
  backoff?: Backoff;
  /** A fault-injection point for tests: decorate the writers (e.g. make ClickHouse fail for a while). */
  wrapWriters?: (writers: BatchWriter[]) => BatchWriter[];
  clock?: () => number;
}

/** Wires the pipeline's writers in the order a batch is written: events, dead-letter table, DLQ topic. */
export async function createIngestPipeline(
  settings: IngestPipelineSettings,
): Promise<{ pipeline: IngestPipeline; metrics: IngestMetrics }> {
  const metrics = settings.metrics ?? new IngestMetrics();
  const writers: BatchWriter[] = [new ClickHouseEventWriter(settings.client), new ClickHouseDeadLetterWriter(settings.client)];
  if (settings.deadLetterTopic) {
    writers.push(new KafkaDeadLetterWriter(settings.deadLetterTopic.producer, settings.deadLetterTopic.topic));
  }
  const wrapped = settings.wrapWriters ? settings.wrapWriters(writers) : writers;
  const key = await resolvePiiHashKey(settings.client, settings.piiHashKey);
  const pipeline = new IngestPipeline(
    wrapped,
    {
      ...settings.batch,
      // Room for the batch being written plus one filling behind it.
      maxBufferedRecords: settings.batch.maxBatchSize * 2,
      backoff: settings.backoff ?? DEFAULT_BACKOFF,
      hashCustomer: createCustomerHasher(key),
      clock: settings.clock,
    },
    metrics,
  );
  return { pipeline, metrics };
}
