import type { Admin, Consumer, EachBatchPayload } from 'kafkajs';
import type { Logger } from 'pino';
import { decodeEvent } from '../contract';
import type { IngestMetrics } from '../metrics';
import type { IngestPipeline } from '../pipeline/pipeline';
import { ConsumerLagMonitor } from './consumer-lag';

export interface KafkaSourceOptions {
  consumer: Consumer;
  /** For measuring the group's lag; the source connects and disconnects it. */
  admin: Admin;
  groupId: string;
  topic: string;
  pipeline: IngestPipeline;
  metrics: IngestMetrics;
  logger: Logger;
  /** How long shutdown may spend writing what is buffered before giving up (it is then re-read). */
  shutdownTimeoutMs: number;
  partitionsConsumedConcurrently?: number;
  lagIntervalMs?: number;
  clock?: () => number;
}

/**
 * Reads the events topic as a consumer group and commits an offset only after every record
 * before it is written (Highlight's model): auto-commit is off, and a partition's offset is
 * committed when the pipeline settles the ticket of the batch holding its last record.
 */
export class KafkaSource {
  private stopping = false;
  private readonly toCommit = new Map<string, { topic: string; partition: number; offset: bigint }>();
  private committing: Promise<void> | undefined;
  /** The partitions this instance holds, each with the number of the assignment that gave it to us. */
  private readonly assigned = new Map<number, number>();
  private assignments = 0;
  private memberId: string | undefined;
  private readonly clock: () => number;
  private readonly lag: ConsumerLagMonitor;

  constructor(private readonly options: KafkaSourceOptions) {
    this.clock = options.clock ?? Date.now;
    this.lag = new ConsumerLagMonitor(options.admin, options.groupId, options.topic, options.metrics, options.logger);
  }

  async start(): Promise<void> {
    const { consumer, topic } = this.options;
    await consumer.connect();
    await this.options.admin.connect();
    this.lag.start(this.options.lagIntervalMs ?? 5000);
    await consumer.subscribe({ topic, fromBeginning: true });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => this.onAssignment(payload.memberId, payload.memberAssignment[topic] ?? []));
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  /** SIGTERM: stop taking records, write the open batch, commit it, leave the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    const { consumer, topic, pipeline, logger } = this.options;
    consumer.pause([{ topic }]);
    try {
      await pipeline.close(this.options.shutdownTimeoutMs);
    } catch (error) {
      logger.warn({ err: error }, 'buffered records were not written before shutdown; they will be read again');
    }
    await this.committing;
    await this.commitQueued();
    await consumer.disconnect();
    this.lag.stop();
    await this.lag.measure().catch(() => undefined);
    await this.options.admin.disconnect();
  }

  private async onBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    if (this.stopping || batch.messages.length === 0) return;
    const { topic, partition } = batch;
    const assignment = this.assigned.get(partition);
    const now = this.clock();
    const inputs = batch.messages.map((message) => ({
      validation: decodeEvent(message.value ?? '', now),
      raw: message.value ?? '',
      origin: { source: 'kafka' as const, topic, partition, offset: message.offset, key: message.key },
      // The ingest lag counts from when the record reached Kafka, not from when this instance fetched it.
      arrivedAt: kafkaTimestamp(message.timestamp),
    }));
    const ticket = await this.options.pipeline.enqueue(inputs, {
      whileWaiting: heartbeat,
      shouldAbort: () => this.stopping || !isRunning() || isStale(),
    });
    if (!ticket) return; // not enqueued, not resolved: these messages are fetched again
    resolveOffset(batch.lastOffset());
    const nextOffset = BigInt(batch.lastOffset()) + 1n;
    ticket.stored.then(
      () => {
        // Moved to another instance since it was fetched: its new owner may have committed past
        // these records already, and Kafka takes an older offset from anyone, rewinding the group.
        if (this.assigned.get(partition) === assignment) this.scheduleCommit(topic, partition, nextOffset);
      },
      () => undefined, // not written: never committed, so re-read after a restart
    );
    await heartbeat();
  }

  private onAssignment(memberId: string, partitions: number[]): void {
    const held = new Set(partitions);
    // A new member id: this instance was out of the group meanwhile, so any partition may have had another owner.
    const rejoined = memberId !== this.memberId;
    this.memberId = memberId;
    for (const partition of [...this.assigned.keys()]) {
      if (held.has(partition) && !rejoined) continue;
      this.assigned.delete(partition);
      this.toCommit.delete(`${this.options.topic}:${partition}`);
    }
    for (const partition of held) if (!this.assigned.has(partition)) this.assigned.set(partition, ++this.assignments);
  }

  private scheduleCommit(topic: string, partition: number, offset: bigint): void {
    const key = `${topic}:${partition}`;
    const queued = this.toCommit.get(key);
    if (!queued || queued.offset < offset) this.toCommit.set(key, { topic, partition, offset });
    this.committing ??= this.commitQueued().finally(() => {
      this.committing = undefined;
    });
  }

  private async commitQueued(): Promise<void> {
    while (this.toCommit.size > 0) {
      const offsets = [...this.toCommit.values()];
      this.toCommit.clear();
      try {
        await this.options.consumer.commitOffsets(
          offsets.map(({ topic, partition, offset }) => ({ topic, partition, offset: offset.toString() })),
        );
      } catch (error) {
        // e.g. a rebalance moved the partition: its new owner re-reads from the last commit,
        // and the events table absorbs the duplicates.
        this.options.metrics.commitFailures.inc();
        this.options.logger.warn({ err: error, offsets: offsets.length }, 'offset commit refused');
      }
    }
  }
}

function kafkaTimestamp(timestamp: string): number | undefined {
  const epochMs = Number(timestamp);
  return Number.isFinite(epochMs) && epochMs > 0 ? epochMs : undefined;
}
