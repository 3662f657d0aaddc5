import { setTimeout as sleep } from 'node:timers/promises';
import type { Validation } from '../contract';
import type { IngestMetrics } from '../metrics';
import { toDeadLetterRow, type DeadLetterRow, type RecordOrigin } from './dead-letter';
import { toEventRow, type EventRow } from './normalise';
import type { CustomerHasher } from './pii';
import { retryUntilDone, type Backoff } from './retry';

/** A record as a source hands it over: already decoded and validated, with where it came from. */
export interface PipelineInput {
  validation: Validation;
  raw: Buffer | string;
  origin: RecordOrigin;
  /** When the record entered the system, epoch ms (e.g. its Kafka timestamp); default: when it is enqueued. */
  arrivedAt?: number;
}

export interface Batch {
  events: EventRow[];
  deadLetters: DeadLetterRow[];
}

/** One destination of a flushed batch (ClickHouse events, the dead-letter table, the DLQ topic). */
export interface BatchWriter {
  readonly target: string;
  write(batch: Batch): Promise<void>;
}

export interface PipelineOptions {
  maxBatchSize: number;
  maxBatchAgeMs: number;
  /** Sources wait (back-pressure) while this many records are accepted and not yet written. */
  maxBufferedRecords: number;
  backoff: Backoff;
  hashCustomer: CustomerHasher;
  clock?: () => number;
}

export interface EnqueueOptions {
  /** Called about once a second while waiting for room, e.g. a Kafka heartbeat. */
  whileWaiting?: () => Promise<void>;
  /** Give up waiting (nothing is enqueued), e.g. when the consumer's assignment went stale. */
  shouldAbort?: () => boolean;
}

export interface Ticket {
  /** Settles once every record of this enqueue is written to every writer. */
  stored: Promise<void>;
}

interface OpenBatch extends Batch {
  size: number;
  /** The earliest `arrivedAt` of its records (Infinity while empty). */
  oldestArrival: number;
  stored: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The ingest stages in order: (sources decode + validate) → normalise + hash → batch by size
 * and age → write to every writer, retrying until done → settle the batch's ticket, after
 * which a source may commit. Batches are written one at a time, in order, so a settled
 * ticket means every earlier record is written too.
 */
export class IngestPipeline {
  private open = this.newBatch();
  private readonly sealed: OpenBatch[] = [];
  private writing: OpenBatch | undefined;
  private flushing: Promise<void> | undefined;
  private ageTimer: NodeJS.Timeout | undefined;
  private buffered = 0;
  private roomWaiters: Array<() => void> = [];
  private closed = false;
  private readonly shutdown = new AbortController();
  private readonly clock: () => number;

  constructor(
    private readonly writers: BatchWriter[],
    private readonly options: PipelineOptions,
    private readonly metrics: IngestMetrics,
  ) {
    this.clock = options.clock ?? Date.now;
  }

  get bufferedRecords(): number {
    return this.buffered;
  }

  /** When the oldest record not yet written to every writer arrived, epoch ms; undefined when nothing is pending. */
  get oldestPendingSince(): number | undefined {
    const oldest = Math.min(
      this.writing?.oldestArrival ?? Infinity,
      ...this.sealed.map((batch) => batch.oldestArrival),
      this.open.oldestArrival,
    );
    return Number.isFinite(oldest) ? oldest : undefined;
  }

  /** Accepts records into the open batch, first waiting while the buffer is full. */
  async enqueue(inputs: PipelineInput[], options: EnqueueOptions = {}): Promise<Ticket | undefined> {
    // Before any wait for room: time spent held back by a full buffer is ingest lag too.
    const arrivedAt = this.clock();
    while (this.buffered >= this.options.maxBufferedRecords) {
      this.assertOpen();
      if (options.shouldAbort?.()) return undefined;
      await Promise.race([new Promise<void>((resolve) => this.roomWaiters.push(resolve)), sleep(1000)]);
      await options.whileWaiting?.();
    }
    this.assertOpen();
    if (inputs.length === 0) return { stored: Promise.resolve() };
    const receivedAt = this.clock();
    // The batch holding the last record: drain() may already have taken a sealed batch off `sealed`.
    let holder = this.open;
    for (const input of inputs) {
      holder = this.open;
      this.open.oldestArrival = Math.min(this.open.oldestArrival, input.arrivedAt ?? arrivedAt);
      this.metrics.received.inc({ source: input.origin.source });
      if (input.validation.ok) {
        this.open.events.push(toEventRow(input.validation.event, this.options.hashCustomer));
      } else {
        this.metrics.rejected.inc({ reason: input.validation.rejection.code });
        this.open.deadLetters.push(
          toDeadLetterRow(input.raw, input.validation.rejection, input.origin, receivedAt, this.options.hashCustomer),
        );
      }
      this.open.size++;
      this.buffered++;
      if (this.open.size >= this.options.maxBatchSize) this.seal();
    }
    this.metrics.buffered.set(this.buffered);
    if (this.open.size > 0 && !this.ageTimer) {
      this.ageTimer = setTimeout(() => this.seal(), this.options.maxBatchAgeMs);
    }
    return { stored: holder.stored };
  }

  /** Writes the open batch now and waits for everything accepted so far to be written. */
  async flush(): Promise<void> {
    const last = this.open.size > 0 ? this.open : this.sealed[this.sealed.length - 1];
    this.seal();
    await last?.stored;
    await this.flushing;
  }

  /**
   * Stops accepting and writes what is buffered. If writers are still failing after
   * `timeoutMs`, gives up: unsettled tickets reject, so their sources commit nothing and the
   * records are read again on restart (Kafka) or the caller is told (HTTP).
   */
  async close(timeoutMs: number): Promise<void> {
    this.closed = true;
    this.seal();
    const drained = this.flushing ?? Promise.resolve();
    const timer = setTimeout(() => this.shutdown.abort(new Error('ingest pipeline closed before the write succeeded')), timeoutMs);
    try {
      await drained;
    } finally {
      clearTimeout(timer);
      this.roomWaiters.splice(0).forEach((wake) => wake());
    }
  }

  private seal(): void {
    clearTimeout(this.ageTimer);
    this.ageTimer = undefined;
    if (this.open.size === 0) return;
    this.sealed.push(this.open);
    this.open = this.newBatch();
    this.flushing ??= this.drain();
  }

  private async drain(): Promise<void> {
    for (let batch = this.sealed.shift(); batch; batch = this.sealed.shift()) {
      this.writing = batch;
      try {
        await this.write(batch);
        batch.resolve();
      } catch (error) {
        batch.reject(error);
        for (const rest of this.sealed.splice(0)) {
          rest.reject(error);
          this.buffered -= rest.size;
        }
      }
      this.writing = undefined;
      this.buffered -= batch.size;
      this.metrics.buffered.set(this.buffered);
      this.roomWaiters.splice(0).forEach((wake) => wake());
    }
    // Cleared in the tick the loop ends, not in a later .finally(): a ticket's owner resuming
    // in between may seal a batch, and that seal must start a new drain. The loop has awaited
    // at least once, so seal() has already assigned `flushing`.
    this.flushing = undefined;
  }

  private async write(batch: OpenBatch): Promise<void> {
    const stopTimer = this.metrics.insertSeconds.startTimer();
    for (const writer of this.writers) {
      await retryUntilDone(
        () => writer.write(batch),
        () => this.metrics.writeFailures.inc({ target: writer.target }),
        this.options.backoff,
        this.shutdown.signal,
      );
    }
    stopTimer();
    this.metrics.batchSize.observe(batch.size);
    this.metrics.inserted.inc(batch.events.length);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('ingest pipeline is closed');
  }

  private newBatch(): OpenBatch {
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const stored = new Promise<void>((onResolve, onReject) => {
      resolve = onResolve;
      reject = onReject;
    });
    stored.catch(() => undefined); // a rejection nobody awaits is not an unhandled one
    return { events: [], deadLetters: [], size: 0, oldestArrival: Infinity, stored, resolve, reject };
  }
}
