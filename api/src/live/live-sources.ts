import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { decodeEvent, type Batch, type BatchWriter } from '@callboard/ingest';
import { liveEventFromCallEvent, liveEventFromRow, type LiveEvent } from './live-event';

const LIVE_FETCH_MAX_WAIT_MS = 100;

export type DeliverLiveEvents = (events: LiveEvent[]) => void;

/** Where the live state hears of events after its start-up snapshot. */
export interface LiveEventSource {
  /**
   * Starts delivering. Resolves once it is certain that every event the coming ClickHouse
   * snapshot might miss will be delivered (deliveries may overlap the snapshot: the state is idempotent).
   */
  start(deliver: DeliverLiveEvents): Promise<void>;
  stop(): Promise<void>;
  /** How long after delivery an event may still be missing from ClickHouse (0: delivered after the write). */
  readonly storeDelayMs: number;
}

/**
 * Embedded mode: the last writer of the in-process pipeline, so the live state hears of a batch
 * right after ClickHouse holds it and the period figures it refreshes already include it.
 */
export class PipelineLiveSource implements LiveEventSource, BatchWriter {
  readonly target = 'live state';
  readonly storeDelayMs = 0;
  private deliver: DeliverLiveEvents | undefined;

  constructor(private readonly logger: Logger) {}

  async start(deliver: DeliverLiveEvents): Promise<void> {
    this.deliver = deliver;
  }

  async stop(): Promise<void> {
    this.deliver = undefined;
  }

  async write(batch: Batch): Promise<void> {
    // Before start, what is written is in ClickHouse for the snapshot to read.
    if (this.deliver && batch.events.length > 0) deliverSafely(this.deliver, batch.events.map(liveEventFromRow), this.logger);
  }
}

export interface KafkaLiveSourceOptions {
  kafka: Kafka;
  topic: string;
  /** The ingest consumer group: events past its committed offsets may not be in ClickHouse yet. */
  ingestGroupId: string;
  /** The ingester's batch age: how long after consumption an event may still be on its way to ClickHouse. */
  ingestDelayMs: number;
  logger: Logger;
}

/**
 * Production mode: each api instance reads the events topic itself, in a consumer group of its
 * own that never commits, so every instance holds the whole live state and serves its own
 * sockets without a Socket.IO adapter. It starts each partition at the ingest group's committed
 * offset: everything before it is in ClickHouse (the ingester commits after writing), so the
 * snapshot plus this replay miss nothing.
 */
export class KafkaLiveSource implements LiveEventSource {
  readonly storeDelayMs: number;
  private consumer: Consumer | undefined;

  constructor(private readonly options: KafkaLiveSourceOptions) {
    // The ingester may hold an event for a batch age, then spend a moment writing it.
    this.storeDelayMs = options.ingestDelayMs + 500;
  }

  async start(deliver: DeliverLiveEvents): Promise<void> {
    const { kafka, topic, ingestGroupId, logger } = this.options;
    const startOffsets = await this.ingestGroupOffsets(kafka, topic, ingestGroupId);
    const groupId = `${ingestGroupId}-live-${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
    // A broker may hold a fetch for its whole max wait even when data has arrived (librdkafka's
    // mock does); the live feed cannot afford kafkajs's default of 5 s.
    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: LIVE_FETCH_MAX_WAIT_MS });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: false });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const now = Date.now();
        const events: LiveEvent[] = [];
        for (const message of batch.messages) {
          const decoded = decodeEvent(message.value ?? '', now);
          // Invalid records are the ingester's to dead-letter; they never reach the live state either.
          if (decoded.ok) events.push(liveEventFromCallEvent(decoded.event));
        }
        if (events.length > 0) deliverSafely(deliver, events, logger);
      },
    });
    for (const { partition, offset } of startOffsets) consumer.seek({ topic, partition, offset });
    logger.info({ groupId, partitions: startOffsets.length }, 'live feed consuming from the ingest group offsets');
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }

  private async ingestGroupOffsets(kafka: Kafka, topic: string, groupId: string): Promise<Array<{ partition: number; offset: string }>> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const watermarks = await admin.fetchTopicOffsets(topic);
      const low = new Map(watermarks.map((mark) => [mark.partition, mark.low]));
      return (committed?.partitions ?? []).map(({ partition, offset }) => ({
        partition,
        // No commit yet: the ingester reads from the beginning, and so does the replay.
        offset: offset === '-1' ? (low.get(partition) ?? '0') : offset,
      }));
    } finally {
      await admin.disconnect();
    }
  }
}

/** A fault in the live state must never hold back ingestion (the pipeline would retry this writer forever). */
function deliverSafely(deliver: DeliverLiveEvents, events: LiveEvent[], logger: Logger): void {
  try {
    deliver(events);
  } catch (error) {
    logger.error({ err: error }, 'the live state could not apply events');
  }
}
