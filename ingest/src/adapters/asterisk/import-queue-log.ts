import type { CallEventInput } from '../../contract';
import type { EventSink } from '../../simulator/sinks/event-sink';
import { QueueLogMapper } from './queue-log-mapper';
import { tailLines } from './tail-lines';

export interface QueueLogProblem {
  /** 1-based, counted from the first line read; after a rotation the count goes on. */
  line: number;
  message: string;
}

export interface ImportQueueLogOptions {
  /** Keep reading as Asterisk appends, across rotations, until `signal` aborts. */
  follow?: boolean;
  /** Stops reading (follow or not); the import then resolves with what it sent. */
  signal?: AbortSignal;
  tenant?: string;
  /** How often a followed file is checked for growth and rotation; default 1000 ms. */
  pollMs?: number;
  /** Told of each skipped line as it is met. */
  onProblem?: (problem: QueueLogProblem) => void;
}

export interface ImportQueueLogTotals {
  lines: number;
  events: number;
  /** The first MAX_KEPT_PROBLEMS problems (a followed log may have endless ones; `onProblem` hears them all). */
  problems: QueueLogProblem[];
}

const MAX_EVENTS_PER_SEND = 5_000;
const MAX_KEPT_PROBLEMS = 1_000;

/**
 * Reads an Asterisk `queue_log` (once, or following it) and sends its events through `sink`,
 * one batch per read; `send` is awaited, so a slow sink slows the reading. Unparseable lines
 * are reported and skipped. The sink stays open: its owner closes it.
 */
export async function importQueueLog(path: string, sink: EventSink, options: ImportQueueLogOptions = {}): Promise<ImportQueueLogTotals> {
  const mapper = new QueueLogMapper({ tenant: options.tenant });
  const totals: ImportQueueLogTotals = { lines: 0, events: 0, problems: [] };
  const lines = tailLines(path, { follow: options.follow ?? false, pollMs: options.pollMs ?? 1_000, signal: options.signal });
  for await (const batch of lines) {
    let events: CallEventInput[] = [];
    for (const text of batch) {
      totals.lines++;
      if (text.trim() === '') continue;
      const mapped = mapper.map(text);
      events.push(...mapped.events);
      if (mapped.problem !== undefined) {
        const problem = { line: totals.lines, message: mapped.problem };
        if (totals.problems.length < MAX_KEPT_PROBLEMS) totals.problems.push(problem);
        options.onProblem?.(problem);
      }
      if (events.length >= MAX_EVENTS_PER_SEND) {
        await sink.send(events);
        totals.events += events.length;
        events = [];
      }
    }
    if (events.length > 0) await sink.send(events);
    totals.events += events.length;
  }
  return totals;
}
