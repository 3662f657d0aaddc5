import type { Admin, Kafka, Producer } from 'kafkajs';
import { openTestClickHouse, type TestClickHouse } from './clickhouse';
import { kafkaFor, type RunningIngester } from './ingest-harness';
import { startKafkaMockCluster, type KafkaMockCluster } from './kafka-mock-cluster';

export const TOPIC = 'call-events';

export interface KafkaSuite {
  cluster: KafkaMockCluster;
  kafka: Kafka;
  producer: Producer;
  admin: Admin;
  clickHouse: TestClickHouse;
  /** Ingesters started by the test; stopped (if still running) after it. */
  ingesters: RunningIngester[];
}

/**
 * Per test: a 3-broker mock cluster with a 6-partition events topic and its DLQ topic, a
 * producer and an admin client, and a fresh migrated ClickHouse database.
 */
export function useKafkaSuite(): KafkaSuite {
  const suite = { ingesters: [] } as unknown as KafkaSuite;
  beforeEach(async () => {
    suite.cluster = await startKafkaMockCluster(3);
    await suite.cluster.createTopic(TOPIC, 6);
    await suite.cluster.createTopic(`${TOPIC}.dlq`, 1);
    suite.kafka = kafkaFor(suite.cluster);
    suite.producer = suite.kafka.producer();
    await suite.producer.connect();
    suite.admin = suite.kafka.admin();
    await suite.admin.connect();
    suite.clickHouse = await openTestClickHouse();
  });
  afterEach(async () => {
    for (const ingester of suite.ingesters.splice(0)) await ingester.stop().catch(() => undefined);
    await suite.producer.disconnect();
    await suite.admin.disconnect();
    await suite.clickHouse.dispose();
    await suite.cluster.stop();
  });
  return suite;
}
