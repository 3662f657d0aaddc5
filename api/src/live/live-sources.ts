import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Consumer, Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { decodeEvent, type Batch, type BatchWriter } from '@callboard/ingest';
import type { KafkaIngestLag } from './ingest-lag';
import { liveEventFromCallEvent, liveEventFromRow, type LiveEvent } from './live-event';

const LIVE_FETCH_MAX_WAIT_MS = 100;
const RECOVERY_RETRY_MS = 1_000;

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
  /** Told of every message read, valid or not (the ingester stores invalid ones too, as dead letters). */
  ingestLag?: KafkaIngestLag;
  logger: Logger;
}

/**
 * Production mode: each api instance reads the events topic itself, in a consumer group of its
 * own that never commits, so every instance holds the whole live state and serves its own
 * sockets without a Socket.IO adapter. It starts each partition at the ingest group's committed
 * offset: everything before it is in ClickHouse (the ingester commits after writing), so the
 * snapshot plus this replay miss nothing.
 *
 * After a crash (e.g. every broker gone for a moment) it starts a fresh consumer from where it
 * had read to, rather than letting kafkajs restart this one: a restarted member of a group that
 * never commits loses its seeks, and in tests fetched nothing more after a broker outage.
 */
export class KafkaLiveSource implements LiveEventSource {
  readonly storeDelayMs: number;
  private consumer: Consumer | undefined;
  private deliver: DeliverLiveEvents | undefined;
  /** Per partition, the next offset to read: where a fresh consumer resumes after a crash. */
  private readonly positions = new Map<number, string>();
  private stopped = false;
  private crashed = false;
  private recovering: Promise<void> | undefined;

  constructor(private readonly options: KafkaLiveSourceOptions) {
    // The ingester may hold an event for a batch age, then spend a moment writing it.
    this.storeDelayMs = options.ingestDelayMs + 500;
  }

  async start(deliver: DeliverLiveEvents): Promise<void> {
    this.deliver = deliver;
    await this.consume(await this.ingestGroupOffsets());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.recovering;
    await this.consumer?.disconnect();
  }

  private async consume(startOffsets: Array<{ partition: number; offset: string }>): Promise<void> {
    const { kafka, topic, ingestGroupId, logger } = this.options;
    const groupId = `${ingestGroupId}-live-${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
    const consumer = kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      // A broker may hold a fetch for its whole max wait even when data has arrived (librdkafka's
      // mock does); the live feed cannot afford kafkajs's default of 5 s.
      maxWaitTimeInMs: LIVE_FETCH_MAX_WAIT_MS,
      retry: { restartOnFailure: async () => false },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => this.recover(payload.error));
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: false });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const now = Date.now();
        const events: LiveEvent[] = [];
        for (const message of batch.messages) {
          this.options.ingestLag?.seen(batch.partition, message.offset, message.timestamp);
          const decoded = decodeEvent(message.value ?? '', now);
          // Invalid records are the ingester's to dead-letter; they never reach the live state either.
          if (decoded.ok) events.push(liveEventFromCallEvent(decoded.event));
        }
        if (events.length > 0 && this.deliver) deliverSafely(this.deliver, events, logger);
        const last = batch.messages.at(-1);
        if (last) this.positions.set(batch.partition, (BigInt(last.offset) + 1n).toString());
      },
    });
    for (const { partition, offset } of startOffsets) consumer.seek({ topic, partition, offset });
    logger.info({ groupId, partitions: startOffsets.length }, 'live feed consuming');
  }

  private recover(error: unknown): void {
    if (this.stopped) return;
    this.options.logger.warn({ err: error }, 'live feed consumer crashed; starting a fresh one where it left off');
    this.crashed = true;
    this.recovering ??= this.recoverUntilRunning().finally(() => {
      this.recovering = undefined;
    });
  }

  private async recoverUntilRunning(): Promise<void> {
    while (this.crashed && !this.stopped) {
      this.crashed = false;
      await this.consumer?.disconnect().catch(() => undefined);
      try {
        const resumeAt = (await this.ingestGroupOffsets()).map(({ partition, offset }) => ({
          partition,
          offset: this.positions.get(partition) ?? offset,
        }));
        if (!this.stopped) await this.consume(resumeAt);
      } catch (error) {
        this.options.logger.warn({ err: error }, 'live feed consumer not restarted yet; trying again');
        this.crashed = true;
        await sleep(RECOVERY_RETRY_MS);
      }
    }
  }

  private async ingestGroupOffsets(): Promise<Array<{ partition: number; offset: string }>> {
    const { kafka, topic, ingestGroupId } = this.options;
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [committed] = await admin.fetchOffsets({ groupId: ingestGroupId, topics: [topic] });
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
