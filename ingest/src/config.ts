import { z } from 'zod';
import { clickHouseTargetFromEnv, emptyAsUnset, type ClickHouseTarget } from '@callboard/infra';

const ingestEnvSchema = z.object({
  KAFKA_BROKERS: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((broker) => broker.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'host:port')).min(1))
    .optional(),
  KAFKA_TOPIC: z.string().min(1).max(200).default('call-events'),
  KAFKA_GROUP_ID: z.string().min(1).default('callboard-ingest'),
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  PII_HASH_KEY: z.string().min(16, 'at least 16 characters').optional(),
  INGEST_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  INGEST_BATCH_AGE_MS: z.coerce.number().int().min(1).max(60_000).default(250),
  INGEST_METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
  INGEST_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(20_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  CALLBOARD_READY_MAX_LAG_SECONDS: z.coerce.number().min(1).default(60),
});

export interface BatchSettings {
  maxBatchSize: number;
  maxBatchAgeMs: number;
}

export interface IngestConfig {
  clickHouse: ClickHouseTarget;
  /** sessionTimeoutMs: how soon the group hands a dead instance's partitions to the others (kafkajs' default 30 s). */
  kafka: { brokers: string[]; topic: string; deadLetterTopic: string; groupId: string; sessionTimeoutMs: number } | undefined;
  piiHashKey: string | undefined;
  batch: BatchSettings;
  metricsPort: number;
  shutdownTimeoutMs: number;
  logLevel: string;
  /** /ready answers 503 while the oldest unwritten event is older than this. */
  readyMaxLagSeconds: number;
}

/** Reads and checks the environment once, at boot (DESIGN.md "Runtime interface"). */
export function loadIngestConfig(env: Record<string, string | undefined>): IngestConfig {
  const parsed = ingestEnvSchema.parse(emptyAsUnset(env));
  return {
    clickHouse: clickHouseTargetFromEnv(env),
    kafka: parsed.KAFKA_BROKERS && {
      brokers: parsed.KAFKA_BROKERS,
      topic: parsed.KAFKA_TOPIC,
      deadLetterTopic: `${parsed.KAFKA_TOPIC}.dlq`,
      groupId: parsed.KAFKA_GROUP_ID,
      sessionTimeoutMs: parsed.KAFKA_SESSION_TIMEOUT_MS,
    },
    piiHashKey: parsed.PII_HASH_KEY,
    batch: { maxBatchSize: parsed.INGEST_BATCH_SIZE, maxBatchAgeMs: parsed.INGEST_BATCH_AGE_MS },
    metricsPort: parsed.INGEST_METRICS_PORT,
    shutdownTimeoutMs: parsed.INGEST_SHUTDOWN_TIMEOUT_MS,
    logLevel: parsed.LOG_LEVEL,
    readyMaxLagSeconds: parsed.CALLBOARD_READY_MAX_LAG_SECONDS,
  };
}
