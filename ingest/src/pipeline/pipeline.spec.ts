import { setTimeout as sleep } from 'node:timers/promises';
import { validateEvent } from '../contract';
import { IngestMetrics } from '../metrics';
import { IngestPipeline, type Batch, type BatchWriter, type PipelineInput, type PipelineOptions } from './pipeline';
import { createCustomerHasher } from './pii';

jest.setTimeout(20_000);

const TS = '2026-11-22T09:00:00.123+08:00';

class RecordingWriter implements BatchWriter {
  readonly written: Batch[] = [];
  attempts = 0;
  inFlight = 0;
  maxInFlight = 0;
  private failuresLeft = 0;
  private blocking = false;
  private readonly blocked: Array<() => void> = [];

  constructor(
    readonly target = 'recording',
    private readonly log: string[] = [],
  ) {}

  failNext(count: number): void {
    this.failuresLeft = count;
  }

  block(): void {
    this.blocking = true;
  }

  release(): void {
    this.blocking = false;
    this.blocked.splice(0).forEach((go) => go());
  }

  reset(): void {
    this.failuresLeft = 0;
    this.release();
  }

  async write(batch: Batch): Promise<void> {
    this.attempts++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.blocking) await new Promise<void>((resolve) => this.blocked.push(resolve));
      if (this.failuresLeft > 0) {
        this.failuresLeft--;
        throw new Error(`${this.target} is down`);
      }
      this.written.push(batch);
      this.log.push(`${this.target}:${eventIds(batch).join(',')}`);
    } finally {
      this.inFlight--;
    }
  }
}

function offered(n: number): Record<string, unknown> {
  return { eventId: `e-${n}`, type: 'call.offered', ts: TS, callId: `c-${n}`, queue: 'billing' };
}

function inputs(from: number, count: number): PipelineInput[] {
  return Array.from({ length: count }, (_, index) => {
    const value = offered(from + index);
    return { validation: validateEvent(value, Date.now()), raw: JSON.stringify(value), origin: { source: 'simulator' } };
  });
}

function eventIds(batch: Batch): string[] {
  return batch.events.map((row) => row.event_id);
}

function track<T>(promise: Promise<T>): { settled: boolean; value?: T; error?: unknown } {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

async function failureCount(metrics: IngestMetrics, target: string): Promise<number> {
  const { values } = await metrics.writeFailures.get();
  return values.find((entry) => entry.labels['target'] === target)?.value ?? 0;
}

let writersInUse: RecordingWriter[] = [];
let pipelinesInUse: IngestPipeline[] = [];

function createPipeline(writers: RecordingWriter[], options: Partial<PipelineOptions> = {}) {
  const metrics = new IngestMetrics();
  const pipeline = new IngestPipeline(
    writers,
    {
      maxBatchSize: 3,
      maxBatchAgeMs: 30,
      maxBufferedRecords: 100,
      backoff: { initialMs: 1, maxMs: 5 },
      hashCustomer: createCustomerHasher('test-key-0123456789'),
      ...options,
    },
    metrics,
  );
  writersInUse.push(...writers);
  pipelinesInUse.push(pipeline);
  return { pipeline, metrics };
}

afterEach(async () => {
  writersInUse.forEach((writer) => writer.reset());
  await Promise.all(pipelinesInUse.map((pipeline) => pipeline.close(1_000)));
  writersInUse = [];
  pipelinesInUse = [];
});

describe('IngestPipeline batching', () => {
  it('writes full batches at once, the remainder after maxBatchAgeMs, in order and one write at a time', async () => {
    const writer = new RecordingWriter();
    writer.block();
    const { pipeline } = createPipeline([writer], { maxBatchSize: 3, maxBatchAgeMs: 30 });

    const ticket = await pipeline.enqueue(inputs(1, 7));

    // No timer can have fired yet: the first batch went out because it was full.
    expect(writer.attempts).toBe(1);
    expect(pipeline.bufferedRecords).toBe(7);
    await sleep(20);
    expect(writer.attempts).toBe(1);

    writer.release();
    await ticket!.stored;
    expect(writer.written.map(eventIds)).toEqual([['e-1', 'e-2', 'e-3'], ['e-4', 'e-5', 'e-6'], ['e-7']]);
    expect(writer.maxInFlight).toBe(1);
    expect(pipeline.bufferedRecords).toBe(0);
  });

  it('writes a lone event only when its batch is maxBatchAgeMs old', async () => {
    const writer = new RecordingWriter();
    const { pipeline } = createPipeline([writer], { maxBatchAgeMs: 30 });

    const ticket = await pipeline.enqueue(inputs(1, 1));
    expect(writer.attempts).toBe(0);

    await ticket!.stored;
    expect(writer.written.map(eventIds)).toEqual([['e-1']]);
  });

  it('does not write a batch that is neither full nor old', async () => {
    const writer = new RecordingWriter();
    const { pipeline } = createPipeline([writer], { maxBatchAgeMs: 60_000 });

    await pipeline.enqueue(inputs(1, 2));
    await sleep(50);
    expect(writer.attempts).toBe(0);
    expect(pipeline.bufferedRecords).toBe(2);
  });

  it('settles the ticket of an enqueue that exactly fills a batch only once that batch is written', async () => {
    const writer = new RecordingWriter();
    writer.block();
    const { pipeline } = createPipeline([writer], { maxBatchSize: 3 });

    const ticket = await pipeline.enqueue(inputs(1, 3));
    const stored = track(ticket!.stored);
    await waitFor(() => writer.attempts === 1, 'the first write');
    await sleep(20);
    expect(stored.settled).toBe(false);

    writer.release();
    await ticket!.stored;
    expect(writer.written).toHaveLength(1);
  });

  it('writes a batch sealed in the same tick as the previous ticket settles', async () => {
    const writer = new RecordingWriter();
    const { pipeline } = createPipeline([writer], { maxBatchSize: 2, maxBatchAgeMs: 60_000 });

    const first = await pipeline.enqueue(inputs(1, 2));
    await first!.stored;
    const second = await pipeline.enqueue(inputs(3, 2));
    const stored = track(second!.stored);

    await waitFor(() => stored.settled, 'the second batch to be stored', 2_000);
    expect(writer.written.map(eventIds)).toEqual([
      ['e-1', 'e-2'],
      ['e-3', 'e-4'],
    ]);
  });
});

describe('IngestPipeline writers and tickets', () => {
  it('settles a ticket only after every writer has the batch, writing to them in order', async () => {
    const log: string[] = [];
    const first = new RecordingWriter('first', log);
    const second = new RecordingWriter('second', log);
    first.block();
    second.block();
    const { pipeline } = createPipeline([first, second]);

    const ticket = await pipeline.enqueue(inputs(1, 1));
    const stored = track(ticket!.stored);
    await waitFor(() => first.attempts === 1, 'the first writer to be called');
    expect(second.attempts).toBe(0);

    first.release();
    await waitFor(() => second.attempts === 1, 'the second writer to be called');
    expect(log).toEqual(['first:e-1']);
    expect(stored.settled).toBe(false);

    second.release();
    await ticket!.stored;
    expect(log).toEqual(['first:e-1', 'second:e-1']);
  });

  it('retries a failing writer until it succeeds, counting each failure', async () => {
    const writer = new RecordingWriter('events');
    writer.failNext(3);
    const { pipeline, metrics } = createPipeline([writer]);

    const ticket = await pipeline.enqueue(inputs(1, 1));
    await ticket!.stored;

    expect(writer.attempts).toBe(4);
    expect(writer.written.map(eventIds)).toEqual([['e-1']]);
    expect(await failureCount(metrics, 'events')).toBe(3);
  });

  it('does not write again to a writer that already has the batch when a later writer fails', async () => {
    const events = new RecordingWriter('events');
    const deadLetters = new RecordingWriter('dead-letters');
    deadLetters.failNext(2);
    const { pipeline, metrics } = createPipeline([events, deadLetters]);

    const ticket = await pipeline.enqueue(inputs(1, 1));
    await ticket!.stored;

    expect(events.attempts).toBe(1);
    expect(deadLetters.attempts).toBe(3);
    expect(events.written).toHaveLength(1);
    expect(deadLetters.written).toHaveLength(1);
    expect(await failureCount(metrics, 'events')).toBe(0);
    expect(await failureCount(metrics, 'dead-letters')).toBe(2);
  });
});

describe('IngestPipeline back-pressure', () => {
  it('holds an enqueue while the buffer is full, calling whileWaiting, until a write makes room', async () => {
    const writer = new RecordingWriter();
    writer.block();
    const { pipeline } = createPipeline([writer], { maxBatchSize: 2, maxBufferedRecords: 4 });
    await pipeline.enqueue(inputs(1, 4));
    let heartbeats = 0;

    const waiting = track(pipeline.enqueue(inputs(5, 1), { whileWaiting: async () => void heartbeats++ }));
    // The wait loop wakes about once a second to call whileWaiting.
    await waitFor(() => heartbeats > 0, 'whileWaiting to be called');
    expect(waiting.settled).toBe(false);
    expect(pipeline.bufferedRecords).toBe(4);

    writer.release();
    await waitFor(() => waiting.settled, 'the held enqueue');
    expect(waiting.error).toBeUndefined();
    await waiting.value!.stored;
    expect(writer.written.flatMap(eventIds)).toEqual(['e-1', 'e-2', 'e-3', 'e-4', 'e-5']);
  });

  it('gives up at once, enqueueing nothing, when shouldAbort is true and the buffer is full', async () => {
    const writer = new RecordingWriter();
    writer.block();
    const { pipeline, metrics } = createPipeline([writer], { maxBatchSize: 2, maxBufferedRecords: 4 });
    await pipeline.enqueue(inputs(1, 4));

    await expect(pipeline.enqueue(inputs(5, 1), { shouldAbort: () => true })).resolves.toBeUndefined();

    expect(pipeline.bufferedRecords).toBe(4);
    expect((await metrics.received.get()).values.reduce((sum, { value }) => sum + value, 0)).toBe(4);
    writer.release();
    await pipeline.flush();
    expect(writer.written.flatMap(eventIds)).toEqual(['e-1', 'e-2', 'e-3', 'e-4']);
  });

  it('gives up waiting once shouldAbort turns true', async () => {
    const writer = new RecordingWriter();
    writer.block();
    const { pipeline } = createPipeline([writer], { maxBatchSize: 2, maxBufferedRecords: 4 });
    await pipeline.enqueue(inputs(1, 4));
    let stale = false;

    const waiting = track(pipeline.enqueue(inputs(5, 1), { shouldAbort: () => stale }));
    await sleep(20);
    expect(waiting.settled).toBe(false);
    stale = true;

    await waitFor(() => waiting.settled, 'the aborted enqueue');
    expect(waiting.value).toBeUndefined();
    expect(waiting.error).toBeUndefined();
    expect(pipeline.bufferedRecords).toBe(4);
  });

  it('does not hold an enqueue while there is room', async () => {
    const writer = new RecordingWriter();
    writer.block();
    const { pipeline } = createPipeline([writer], { maxBatchSize: 2, maxBufferedRecords: 4 });

    await pipeline.enqueue(inputs(1, 3));
    await expect(pipeline.enqueue(inputs(4, 1))).resolves.toBeDefined();
    expect(pipeline.bufferedRecords).toBe(4);
  });
});

describe('IngestPipeline flush and close', () => {
  it('flush writes the open batch at once', async () => {
    const writer = new RecordingWriter();
    const { pipeline } = createPipeline([writer], { maxBatchAgeMs: 60_000 });
    const ticket = await pipeline.enqueue(inputs(1, 2));

    await pipeline.flush();

    expect(writer.written.map(eventIds)).toEqual([['e-1', 'e-2']]);
    await expect(ticket!.stored).resolves.toBeUndefined();
  });

  it('flush with nothing buffered resolves without writing', async () => {
    const writer = new RecordingWriter();
    const { pipeline } = createPipeline([writer]);

    await pipeline.flush();
    expect(writer.attempts).toBe(0);
  });

  it('close writes what is buffered, then refuses new records', async () => {
    const writer = new RecordingWriter();
    const { pipeline } = createPipeline([writer], { maxBatchAgeMs: 60_000 });
    const ticket = await pipeline.enqueue(inputs(1, 2));

    await pipeline.close(5_000);

    expect(writer.written.map(eventIds)).toEqual([['e-1', 'e-2']]);
    await expect(ticket!.stored).resolves.toBeUndefined();
    await expect(pipeline.enqueue(inputs(3, 1))).rejects.toThrow('ingest pipeline is closed');
  });

  it('close rejects the pending ticket after the timeout when a writer never succeeds', async () => {
    const writer = new RecordingWriter();
    writer.failNext(Number.POSITIVE_INFINITY);
    const { pipeline } = createPipeline([writer], { maxBatchAgeMs: 60_000 });
    const ticket = await pipeline.enqueue(inputs(1, 2));
    const stored = track(ticket!.stored);

    await pipeline.close(50);

    await waitFor(() => stored.settled, 'the ticket to settle');
    // Aborting the backoff sleep rejects with an AbortError whose cause is the pipeline's reason.
    const error = stored.error as { message?: string; cause?: { message?: string } };
    expect([error.message, error.cause?.message]).toContain('ingest pipeline closed before the write succeeded');
    expect(writer.written).toHaveLength(0);
    expect(writer.attempts).toBeGreaterThan(1);
  });

  it('close that gives up rejects every batch behind the failing one and releases their buffer room', async () => {
    const writer = new RecordingWriter();
    writer.failNext(Number.POSITIVE_INFINITY);
    const { pipeline, metrics } = createPipeline([writer], { maxBatchSize: 2, maxBatchAgeMs: 60_000 });
    const first = await pipeline.enqueue(inputs(1, 2));
    const second = await pipeline.enqueue(inputs(3, 2));
    const stored = [track(first!.stored), track(second!.stored)];

    await pipeline.close(50);

    await waitFor(() => stored.every((ticket) => ticket.settled), 'both tickets to settle');
    expect(stored.map((ticket) => ticket.error !== undefined)).toEqual([true, true]);
    expect(pipeline.bufferedRecords).toBe(0);
    expect((await metrics.buffered.get()).values[0]?.value).toBe(0);
  });

  it('close refuses an enqueue that was waiting for room', async () => {
    const writer = new RecordingWriter();
    writer.block();
    const { pipeline } = createPipeline([writer], { maxBatchSize: 2, maxBufferedRecords: 2 });
    await pipeline.enqueue(inputs(1, 2));
    const waiting = track(pipeline.enqueue(inputs(3, 1)));

    const closing = pipeline.close(5_000);
    writer.release();
    await closing;

    await waitFor(() => waiting.settled, 'the waiting enqueue');
    expect(waiting.error).toEqual(new Error('ingest pipeline is closed'));
    expect(writer.written.flatMap(eventIds)).toEqual(['e-1', 'e-2']);
  });
});

describe('IngestPipeline ingest lag', () => {
  it('reports when the oldest unwritten record arrived, through a failing writer, and nothing once all is written', async () => {
    const writer = new RecordingWriter();
    writer.failNext(Number.POSITIVE_INFINITY);
    let now = 1_000_000;
    const { pipeline } = createPipeline([writer], { maxBatchSize: 2, maxBatchAgeMs: 10, clock: () => now });
    expect(pipeline.oldestPendingSince).toBeUndefined();

    await pipeline.enqueue(inputs(1, 2)); // a full batch: sealed and retried at once
    now += 5_000;
    const last = await pipeline.enqueue(inputs(3, 1)); // behind it, in the open batch
    await waitFor(() => writer.attempts >= 3, 'several failed attempts');
    // The first batch is the one being retried: its records arrived at 1,000,000.
    expect(pipeline.oldestPendingSince).toBe(1_000_000);

    writer.reset();
    await last!.stored;
    expect(pipeline.oldestPendingSince).toBeUndefined();
  });

  it('takes a record’s own arrival time (e.g. its Kafka timestamp) over the moment it is enqueued', async () => {
    const writer = new RecordingWriter();
    writer.block();
    const { pipeline } = createPipeline([writer], { maxBatchSize: 2, maxBatchAgeMs: 60_000, clock: () => 2_000_000 });

    await pipeline.enqueue(inputs(1, 1).map((input) => ({ ...input, arrivedAt: 1_500_000 })));
    await pipeline.enqueue(inputs(2, 1));
    await pipeline.enqueue(inputs(3, 1).map((input) => ({ ...input, arrivedAt: 1_400_000 })));

    // e-1 (1,500,000) and e-2 (enqueued at 2,000,000) are being written; e-3 (1,400,000) waits in the open batch.
    expect(pipeline.oldestPendingSince).toBe(1_400_000);
    writer.release();
    await pipeline.flush();
    expect(pipeline.oldestPendingSince).toBeUndefined();
  });
});
