import { Kafka, type Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { migrate, openClickHouse, type ClickHouseClient } from '@callboard/infra';
import { createIngestPipeline, InProcessSource, kafkaLogCreator, type IngestPipeline } from '@callboard/ingest';
import type { ApiConfig } from '../config/api-config';
import { InProcessIntake, KafkaIntake, type EventIntake } from '../intake/event-intake';

/** What the api holds open outside Nest: the ClickHouse client and where POST /events goes. */
export interface ApiRuntime {
  clickHouse: ClickHouseClient;
  intake: EventIntake;
  /** Set in embedded mode: the in-process ingest pipeline (the simulator feeds it too). */
  inProcessSource?: InProcessSource;
  close(): Promise<void>;
}

const PIPELINE_CLOSE_TIMEOUT_MS = 20_000;

/**
 * Opens ClickHouse (chdb under CLICKHOUSE_PATH, or the server at CLICKHOUSE_URL), applies the
 * migrations, and wires event intake: to Kafka when KAFKA_BROKERS is set, else to an ingest
 * pipeline in this process (DESIGN.md "Modes").
 */
export async function openRuntime(config: ApiConfig, logger: Logger, clock: () => number = Date.now): Promise<ApiRuntime> {
  const clickHouse = await openClickHouse(config.clickHouse);
  await migrate(clickHouse);
  if (config.kafka) {
    const kafka = new Kafka({ clientId: 'callboard-api', brokers: config.kafka.brokers, logCreator: kafkaLogCreator(logger) });
    const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    return {
      clickHouse,
      intake: new KafkaIntake(producer, config.kafka.topic, clock),
      close: async () => {
        await producer.disconnect();
        await clickHouse.close();
      },
    };
  }
  const { pipeline } = await createIngestPipeline({ client: clickHouse, batch: config.batch, piiHashKey: config.piiHashKey, clock });
  const source = new InProcessSource(pipeline, clock);
  return {
    clickHouse,
    intake: new InProcessIntake(source),
    inProcessSource: source,
    close: async () => {
      await closePipeline(pipeline, logger);
      await clickHouse.close();
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
