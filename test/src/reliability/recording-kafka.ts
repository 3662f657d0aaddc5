import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import type { KafkaMockCluster } from '../helpers/kafka-mock-cluster';

export interface KafkaLogEntry {
  level: string;
  message: string;
  /** The protocol error a failed response carried, e.g. "The request timed out". */
  error: string | undefined;
  broker: string | undefined;
}

const LEVEL_NAMES: Record<number, string> = { [logLevel.ERROR]: 'ERROR', [logLevel.WARN]: 'WARN' };

/**
 * A kafkajs client (as the harness configures it) that keeps its warnings and errors, so a
 * test can show that an injected fault really reached it: kafkajs logs each failed response
 * as "Response <Api>(key: …)" with the error, before retrying.
 */
export function recordingKafka(
  cluster: KafkaMockCluster,
  clientId: string,
  config: Partial<KafkaConfig> = {},
): { kafka: Kafka; log: KafkaLogEntry[] } {
  const log: KafkaLogEntry[] = [];
  const kafka = new Kafka({
    clientId,
    brokers: cluster.brokers,
    retry: { retries: 10, initialRetryTime: 100 },
    ...config,
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }) => {
        log.push({
          level: LEVEL_NAMES[level] ?? String(level),
          message: String(entry.message),
          error: typeof entry['error'] === 'string' ? entry['error'] : undefined,
          broker: typeof entry['broker'] === 'string' ? entry['broker'] : undefined,
        });
      },
  });
  return { kafka, log };
}

/** The protocol errors logged for failed responses of one API, e.g. `failedResponses(log, 'Produce')`. */
export function failedResponses(log: readonly KafkaLogEntry[], api: string): string[] {
  return log.filter((entry) => entry.message.startsWith(`Response ${api}(`)).map((entry) => entry.error ?? '');
}
