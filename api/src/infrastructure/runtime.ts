import { Kafka, Partitioners } from 'kafkajs';
import type { Logger } from 'pino';
import { migrate, openClickHouse, type ClickHouseClient } from '@callboard/infra';
import {
  createIngestPipeline,
  InProcessSource,
  KafkaSource,
  kafkaLogCreator,
  type IngestPipeline,
  type IngestPipelineSettings,
} from '@callboard/ingest';
import type { ApiConfig } from '../config/api-config';
import { InProcessIntake, KafkaIntake, type EventIntake } from '../intake/event-intake';
import { KafkaIngestLag, PipelineIngestLag, type IngestLag } from '../live/ingest-lag';
import { KafkaLiveSource, PipelineLiveSource, type LiveEventSource } from '../live/live-sources';

/** What the api holds open outside Nest: ClickHouse, where POST /events goes, and what feeds the live state. */
export interface ApiRuntime {
  clickHouse: ClickHouseClient;
  intake: EventIntake;
  liveSource: LiveEventSource;
  /** Set in embedded mode: the in-process ingest pipeline (the simulator feeds it too). */
  inProcessSource?: InProcessSource;
  ingestLag: IngestLag;
  /** Set in Kafka mode: resolves once a broker answers (for /ready). */
  kafkaReachable?: () => Promise<void>;
  close(): Promise<void>;
}

/**
 * Seams for tests only, never set from the environment: e.g. decorate the in-process
 * pipeline's writers to make ClickHouse fail for a while.
 */
export interface RuntimeTestHooks {
  wrapWriters?: IngestPipelineSettings['wrapWriters'];
}

const PIPELINE_CLOSE_TIMEOUT_MS = 20_000;

/**
 * Opens ClickHouse (chdb under CLICKHOUSE_PATH, or the server at CLICKHOUSE_URL), applies the
 * migrations, and wires event intake and the live feed: through Kafka when KAFKA_BROKERS is set,
 * else through an ingest pipeline in this process (DESIGN.md "Modes").
 */
export async function openRuntime(
  config: ApiConfig,
  logger: Logger,
  clock: () => number = Date.now,
  hooks: RuntimeTestHooks = {},
): Promise<ApiRuntime> {
  const clickHouse = await openClickHouse(config.clickHouse, config.limits.clickHouse);
  await migrate(clickHouse);
  return config.kafka
    ? openKafkaRuntime(config, config.kafka, clickHouse, logger, clock, hooks)
    : openEmbeddedRuntime(config, clickHouse, logger, clock, hooks);
}

async function openEmbeddedRuntime(
  config: ApiConfig,
  clickHouse: ClickHouseClient,
  logger: Logger,
  clock: () => number,
  hooks: RuntimeTestHooks,
): Promise<ApiRuntime> {
  const liveSource = new PipelineLiveSource(logger);
  const { pipeline } = await createIngestPipeline({
    client: clickHouse,
    batch: config.batch,
    piiHashKey: config.piiHashKey,
    clock,
    // Last, so that the live state hears of a batch once ClickHouse holds it.
    wrapWriters: (writers) => [...(hooks.wrapWriters?.(writers) ?? writers), liveSource],
  });
  const source = new InProcessSource(pipeline, clock);
  return {
    clickHouse,
    intake: new InProcessIntake(source),
    liveSource,
    inProcessSource: source,
    ingestLag: new PipelineIngestLag(pipeline, clock),
    close: async () => {
      await closePipeline(pipeline, logger);
      await clickHouse.close();
    },
  };
}

async function openKafkaRuntime(
  config: ApiConfig,
  kafkaConfig: NonNullable<ApiConfig['kafka']>,
  clickHouse: ClickHouseClient,
  logger: Logger,
  clock: () => number,
  hooks: RuntimeTestHooks,
): Promise<ApiRuntime> {
  const kafka = new Kafka({ clientId: 'callboard-api', brokers: kafkaConfig.brokers, logCreator: kafkaLogCreator(logger) });
  // Not Kafka's idempotent producer: a retried send may land twice, which eventId deduplication absorbs.
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  // chdb is one process's database: with Kafka but no ClickHouse server, this process must also be the ingester.
  const ingest =
    config.clickHouse.kind === 'embedded' ? await startInProcessIngest(config, kafkaConfig, kafka, clickHouse, logger, hooks) : undefined;
  const ingestLag = new KafkaIngestLag({ admin: kafka.admin(), topic: kafkaConfig.topic, ingestGroupId: kafkaConfig.groupId, logger });
  await ingestLag.start();
  return {
    clickHouse,
    intake: new KafkaIntake(producer, kafkaConfig.topic, clock),
    liveSource: new KafkaLiveSource({
      kafka,
      topic: kafkaConfig.topic,
      ingestGroupId: kafkaConfig.groupId,
      ingestDelayMs: config.batch.maxBatchAgeMs,
      ingestLag,
      logger,
    }),
    ingestLag,
    kafkaReachable: () => ingestLag.reachable(),
    close: async () => {
      await ingest?.stop();
      await ingestLag.stop();
      await producer.disconnect();
      await clickHouse.close();
    },
  };
}

async function startInProcessIngest(
  config: ApiConfig,
  kafkaConfig: NonNullable<ApiConfig['kafka']>,
  kafka: Kafka,
  clickHouse: ClickHouseClient,
  logger: Logger,
  hooks: RuntimeTestHooks,
): Promise<{ stop(): Promise<void> }> {
  const dlqProducer = kafka.producer({ allowAutoTopicCreation: true, createPartitioner: Partitioners.DefaultPartitioner });
  await dlqProducer.connect();
  const { pipeline, metrics } = await createIngestPipeline({
    client: clickHouse,
    batch: config.batch,
    piiHashKey: config.piiHashKey,
    deadLetterTopic: { producer: dlqProducer, topic: `${kafkaConfig.topic}.dlq` },
    wrapWriters: hooks.wrapWriters,
  });
  const source = new KafkaSource({
    consumer: kafka.consumer({ groupId: kafkaConfig.groupId }),
    admin: kafka.admin(),
    groupId: kafkaConfig.groupId,
    topic: kafkaConfig.topic,
    pipeline,
    metrics,
    logger,
    shutdownTimeoutMs: PIPELINE_CLOSE_TIMEOUT_MS,
  });
  await source.start();
  return {
    stop: async () => {
      await source.stop();
      await dlqProducer.disconnect();
    },
  };
}

async function closePipeline(pipeline: IngestPipeline, logger: Logger): Promise<void> {
  try {
    await pipeline.close(PIPELINE_CLOSE_TIMEOUT_MS);
  } catch (error) {
    logger.error({ err: error }, 'events still buffered at shutdown could not be written');
  }
}
