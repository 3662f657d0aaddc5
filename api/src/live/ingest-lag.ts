import type { Admin } from 'kafkajs';
import type { Logger } from 'pino';
import { lagSeconds, type IngestPipeline } from '@callboard/ingest';
import { PartitionBacklog } from './partition-backlog';

/** How often the ingest group's committed offsets are read: the lag is known to within this much. */
const COMMITTED_POLL_MS = 2_000;
const POLL_TIMEOUT_MS = 5_000;

export interface IngestLagReading {
  /** Age of the oldest event not yet stored in ClickHouse, to a tenth of a second; 0 when none is pending. */
  seconds: number;
  /** Events not yet stored in ClickHouse. */
  messages: number;
}

/** How far ClickHouse is behind the events offered to Callboard (api/README.md "Ingest lag"). */
export interface IngestLag {
  current(): IngestLagReading;
}

/** Embedded mode: the in-process pipeline's oldest buffered or unwritten record, by when it was handed over. */
export class PipelineIngestLag implements IngestLag {
  constructor(
    private readonly pipeline: IngestPipeline,
    private readonly clock: () => number,
  ) {}

  current(): IngestLagReading {
    return { seconds: lagSeconds(this.pipeline.oldestPendingSince, this.clock()), messages: this.pipeline.bufferedRecords };
  }
}

export interface KafkaIngestLagOptions {
  /** Connected and disconnected by this class. */
  admin: Admin;
  topic: string;
  ingestGroupId: string;
  logger: Logger;
  pollMs?: number;
}

/**
 * Kafka mode. The api's live consumer reads every message of the topic (live-sources.ts) and
 * tells this class each one's offset and Kafka timestamp; every few seconds the ingest group's
 * committed offsets are read. The ingester commits only after writing, so a message at or after
 * its partition's committed offset may not be in ClickHouse yet: the lag is now − the oldest
 * such message's timestamp, the largest over the partitions.
 */
export class KafkaIngestLag implements IngestLag {
  private readonly backlogs = new Map<number, PartitionBacklog>();
  /** Per partition: the ingest group's committed offset (its low watermark before any commit) and the log end. */
  private offsets = new Map<number, { committed: number; end: number }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: KafkaIngestLagOptions) {}

  async start(): Promise<void> {
    await this.options.admin.connect();
    await this.poll().catch((error: unknown) => this.options.logger.warn({ err: error }, 'ingest group offsets not read'));
    const every = this.options.pollMs ?? COMMITTED_POLL_MS;
    const next = () => {
      this.timer = setTimeout(() => {
        this.poll()
          .catch((error: unknown) => this.options.logger.debug({ err: error }, 'ingest group offsets not read this time'))
          .finally(() => {
            if (this.timer) next();
          });
      }, every);
      this.timer.unref();
    };
    next();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.options.admin.disconnect();
  }

  /** Kafka answers a metadata request (for /ready). */
  async reachable(): Promise<void> {
    await this.options.admin.describeCluster();
  }

  seen(partition: number, offset: string, timestamp: string): void {
    const at = Number(timestamp);
    if (!Number.isFinite(at) || at <= 0) return;
    let backlog = this.backlogs.get(partition);
    if (!backlog) this.backlogs.set(partition, (backlog = new PartitionBacklog()));
    backlog.seen(Number(offset), at);
  }

  current(): IngestLagReading {
    let oldest: number | undefined;
    let messages = 0;
    for (const [partition, { committed, end }] of this.offsets) {
      messages += Math.max(0, end - committed);
      const since = this.backlogs.get(partition)?.oldestFrom(committed);
      if (since !== undefined && (oldest === undefined || since < oldest)) oldest = since;
    }
    return { seconds: lagSeconds(oldest, Date.now()), messages };
  }

  private async poll(): Promise<void> {
    const { admin, topic, ingestGroupId } = this.options;
    const [[committed], ends] = await withTimeout(
      Promise.all([admin.fetchOffsets({ groupId: ingestGroupId, topics: [topic] }), admin.fetchTopicOffsets(topic)]),
      POLL_TIMEOUT_MS,
    );
    const committedByPartition = new Map((committed?.partitions ?? []).map(({ partition, offset }) => [partition, Number(offset)]));
    this.offsets = new Map(
      ends.map(({ partition, low, high }) => {
        const offset = committedByPartition.get(partition) ?? -1;
        // -1: the group has committed nothing yet, so it will read the partition from its start.
        return [partition, { committed: offset >= 0 ? offset : Number(low), end: Number(high) }];
      }),
    );
  }
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
