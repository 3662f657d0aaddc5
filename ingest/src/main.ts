import { createServer, type Server } from 'node:http';
import { Kafka } from 'kafkajs';
import { migrate, openClickHouse } from '@callboard/infra';
import { loadIngestConfig } from './config';
import { createIngestPipeline } from './ingest';
import { createLogger, kafkaLogCreator } from './logger';
import type { IngestMetrics } from './metrics';
import { assessReadiness, lagSeconds, oneAtATime, type Readiness } from './readiness';
import { KafkaSource } from './sources/kafka-source';

/** The ingest service of production mode: Kafka → ClickHouse, with /metrics for Prometheus, /health and /ready. */
async function main(): Promise<void> {
  const config = loadIngestConfig(process.env);
  const logger = createLogger(config.logLevel);
  if (!config.kafka) {
    throw new Error('the ingest service reads Kafka: set KAFKA_BROKERS (in embedded mode the api runs ingest in-process)');
  }
  const client = await openClickHouse(config.clickHouse);
  const applied = await migrate(client);
  if (applied.length) logger.info({ migrations: applied.map((migration) => migration.version) }, 'schema migrated');

  const kafka = new Kafka({ clientId: 'callboard-ingest', brokers: config.kafka.brokers, logCreator: kafkaLogCreator(logger) });
  const producer = kafka.producer({ allowAutoTopicCreation: true });
  await producer.connect();
  const { pipeline, metrics } = await createIngestPipeline({
    client,
    batch: config.batch,
    piiHashKey: config.piiHashKey,
    deadLetterTopic: { producer, topic: config.kafka.deadLetterTopic },
  });
  const consumer = kafka.consumer({ groupId: config.kafka.groupId, sessionTimeout: config.kafka.sessionTimeoutMs });
  // kafkajs restarts itself after retriable errors; after any other it stops for good, and a
  // process that no longer consumes must exit so that its supervisor starts a fresh one.
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (!payload.restart) {
      logger.fatal({ err: payload.error }, 'Kafka consumer stopped for good');
      process.exit(1);
    }
  });
  const admin = kafka.admin();
  const source = new KafkaSource({
    consumer,
    admin,
    groupId: config.kafka.groupId,
    topic: config.kafka.topic,
    pipeline,
    metrics,
    logger,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
  });
  await source.start();
  const ingestLag = async () => ({
    seconds: lagSeconds(pipeline.oldestPendingSince, Date.now()),
    messages: (await metrics.consumerLag.get()).values.reduce((sum, { value }) => sum + value, 0),
  });
  const kafkaReachable = oneAtATime(() => admin.describeCluster());
  const readiness = async () => {
    const lag = await ingestLag();
    return assessReadiness({ clickHouse: client, kafka: kafkaReachable, ingestLag: () => lag, maxLagSeconds: config.readyMaxLagSeconds });
  };
  const server = await serveHttp({
    metrics,
    beforeScrape: async () => metrics.lagSeconds.set((await ingestLag()).seconds),
    readiness,
    port: config.metricsPort,
  });
  logger.info({ topic: config.kafka.topic, groupId: config.kafka.groupId, metricsPort: config.metricsPort }, 'ingesting');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'flushing and committing before exit');
    await source.stop();
    await producer.disconnect();
    await client.close();
    server.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** /metrics for Prometheus, /health (the process answers) and /ready (it can do its work: 503 names what fails). */
function serveHttp(options: {
  metrics: IngestMetrics;
  beforeScrape: () => Promise<void>;
  readiness: () => Promise<Readiness>;
  port: number;
}): Promise<Server> {
  const { registry } = options.metrics;
  const server = createServer((request, response) => {
    const fail = (error: unknown) => response.writeHead(500).end(String(error));
    if (request.url === '/metrics') {
      options
        .beforeScrape()
        .then(() => registry.metrics())
        .then((body) => response.writeHead(200, { 'content-type': registry.contentType }).end(body))
        .catch(fail);
    } else if (request.url === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    } else if (request.url === '/ready') {
      options
        .readiness()
        .then((readiness) =>
          response
            .writeHead(readiness.status === 'ready' ? 200 : 503, { 'content-type': 'application/json' })
            .end(JSON.stringify(readiness)),
        )
        .catch(fail);
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(options.port, () => resolve(server)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
