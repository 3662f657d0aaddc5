import { join } from 'node:path';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { clickHouseTargetFromEnv, emptyAsUnset, type ClickHouseTarget } from '@callboard/infra';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  CALLBOARD_TIMEZONE: z
    .string()
    .default('Asia/Shanghai')
    .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA timezone such as Asia/Shanghai'),
  KAFKA_BROKERS: z.string().optional(),
  KAFKA_TOPIC: z.string().min(1).default('call-events'),
  KAFKA_GROUP_ID: z.string().min(1).default('callboard-ingest'),
  PII_HASH_KEY: z.string().min(16).optional(),
  INGEST_BATCH_SIZE: z.coerce.number().int().min(1).default(10_000),
  INGEST_BATCH_AGE_MS: z.coerce.number().int().min(1).default(250),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  CALLBOARD_WEB_DIST: z.string().min(1).optional(),
  CALLBOARD_SIMULATOR: z.enum(['off', 'demo']).default('off'),
  CALLBOARD_SIMULATOR_DAYS: z.coerce.number().int().min(0).max(400).default(30),
  CALLBOARD_SIMULATOR_SEED: z.coerce.number().int().min(0).max(2_147_483_647).default(1),
  CALLBOARD_BOOTSTRAP_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  CALLBOARD_JWT_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  CALLBOARD_ACCESS_TOKEN_TTL: z.coerce.number().int().min(10).max(86_400).default(900),
  CALLBOARD_REFRESH_TOKEN_TTL: z.coerce
    .number()
    .int()
    .min(60)
    .max(365 * 86_400)
    .default(30 * 86_400),
  CALLBOARD_CORS_ORIGINS: z.string().optional(),
  CALLBOARD_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  CALLBOARD_SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  CALLBOARD_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(90_000),
  CLICKHOUSE_MAX_EXECUTION_TIME: z.coerce.number().int().min(1).default(60),
  CLICKHOUSE_MAX_RESULT_ROWS: z.coerce.number().int().min(1000).default(1_000_000),
  CLICKHOUSE_MAX_MEMORY_USAGE: z.coerce.number().int().min(100_000_000).default(4_000_000_000),
  CALLBOARD_READY_MAX_LAG_SECONDS: z.coerce.number().min(1).default(60),
  CALLBOARD_QUERY_CACHE_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
});

/** Everything the api reads from its environment, validated once at boot (DESIGN.md "Runtime interface"). */
export interface ApiConfig {
  port: number;
  timezone: string;
  clickHouse: ClickHouseTarget;
  /**
   * Unset in embedded mode: POST /events then feeds the in-process pipeline. `groupId` is the
   * ingest group, whose committed offsets the live feed starts from.
   */
  kafka?: { brokers: string[]; topic: string; groupId: string };
  piiHashKey?: string;
  batch: { maxBatchSize: number; maxBatchAgeMs: number };
  logLevel: (typeof LOG_LEVELS)[number];
  /** The built web app the api serves (web/dist of this checkout unless CALLBOARD_WEB_DIST says otherwise). */
  webDist: string;
  /**
   * Report answers (metrics, comparisons, trends, call lists) and settings are shared between
   * identical requests and reused this long; 0: every request queries. The live feed never is.
   */
  queryCacheMs: number;
  /** GET /ready answers 503 while the oldest event not yet in ClickHouse is older than this. */
  readyMaxLagSeconds: number;
  /** Embedded demo: the simulated centre backfills `days` of history, then runs live. */
  simulator?: { days: number; seed: number };
  auth: {
    bootstrapToken?: string;
    /** Signs access tokens; unset: generated once and shared through the database. */
    jwtSecret?: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
  };
  limits: {
    /** Browser origins allowed to call the api from another site; none: same origin only. */
    corsOrigins: string[];
    requestsPerMinute: number;
    signInAttemptsPerMinute: number;
    requestTimeoutMs: number;
    /** Applied to every query the api runs, so that no request can overload the database. */
    clickHouse: { max_execution_time: number; max_result_rows: string; result_overflow_mode: 'throw'; max_memory_usage: string };
  };
}

export function loadApiConfig(env: NodeJS.ProcessEnv): ApiConfig {
  const parsed = environmentSchema.safeParse(emptyAsUnset(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  const brokers = values.KAFKA_BROKERS?.split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  return {
    port: values.PORT,
    timezone: values.CALLBOARD_TIMEZONE,
    clickHouse: clickHouseTargetFromEnv(env),
    kafka: brokers?.length ? { brokers, topic: values.KAFKA_TOPIC, groupId: values.KAFKA_GROUP_ID } : undefined,
    piiHashKey: values.PII_HASH_KEY,
    batch: { maxBatchSize: values.INGEST_BATCH_SIZE, maxBatchAgeMs: values.INGEST_BATCH_AGE_MS },
    logLevel: values.LOG_LEVEL,
    webDist: values.CALLBOARD_WEB_DIST ?? join(__dirname, '..', '..', '..', 'web', 'dist'),
    readyMaxLagSeconds: values.CALLBOARD_READY_MAX_LAG_SECONDS,
    queryCacheMs: values.CALLBOARD_QUERY_CACHE_MS,
    simulator:
      values.CALLBOARD_SIMULATOR === 'demo' ? { days: values.CALLBOARD_SIMULATOR_DAYS, seed: values.CALLBOARD_SIMULATOR_SEED } : undefined,
    auth: {
      bootstrapToken: values.CALLBOARD_BOOTSTRAP_TOKEN,
      jwtSecret: values.CALLBOARD_JWT_SECRET,
      accessTokenTtlSeconds: values.CALLBOARD_ACCESS_TOKEN_TTL,
      refreshTokenTtlSeconds: values.CALLBOARD_REFRESH_TOKEN_TTL,
    },
    limits: {
      corsOrigins: (values.CALLBOARD_CORS_ORIGINS ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
      requestsPerMinute: values.CALLBOARD_RATE_LIMIT_PER_MINUTE,
      signInAttemptsPerMinute: values.CALLBOARD_SIGN_IN_ATTEMPTS_PER_MINUTE,
      requestTimeoutMs: values.CALLBOARD_REQUEST_TIMEOUT_MS,
      clickHouse: {
        max_execution_time: values.CLICKHOUSE_MAX_EXECUTION_TIME,
        max_result_rows: String(values.CLICKHOUSE_MAX_RESULT_ROWS),
        result_overflow_mode: 'throw',
        max_memory_usage: String(values.CLICKHOUSE_MAX_MEMORY_USAGE),
      },
    },
  };
}
