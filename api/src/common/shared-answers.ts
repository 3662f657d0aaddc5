import { LRUCache } from 'lru-cache';

export interface SharedAnswersOptions<T> {
  /** How long an answer is reused after it arrived; 0 turns sharing off (every call computes). */
  ttlMs: number;
  maxEntries: number;
  /** Weight of one answer (e.g. its rows), with `maxSize` bounding the sum: what keeps memory flat. */
  sizeOf?: (answer: T) => number;
  maxSize?: number;
}

/**
 * Answers shared between identical questions. A caller asking what is already being computed
 * waits for that computation instead of starting another, and an answer is reused for `ttlMs`
 * after it arrived. Dashboards mostly ask the same things (today by queue, this week against
 * last), and the embedded engine runs one query at a time, so 200 managers would otherwise queue
 * 200 copies of one query. A failed computation is not kept: the next caller tries again.
 */
export class SharedAnswers<T extends object> {
  private readonly cache: LRUCache<string, T, () => Promise<T>> | undefined;

  constructor(options: SharedAnswersOptions<T>) {
    if (options.ttlMs <= 0) return;
    this.cache = new LRUCache<string, T, () => Promise<T>>({
      max: options.maxEntries,
      ttl: options.ttlMs,
      ...(options.sizeOf && options.maxSize
        ? { sizeCalculation: (answer: T) => Math.max(1, options.sizeOf!(answer)), maxSize: options.maxSize, maxEntrySize: options.maxSize }
        : {}),
      fetchMethod: (_key, _stale, { context }) => context(),
      // An answer being computed when its entry is evicted or cleared still reaches its callers.
      ignoreFetchAbort: true,
    });
  }

  /** The answer for `question` (any JSON value), computed by `compute` unless shared. */
  async get(question: unknown, compute: () => Promise<T>): Promise<T> {
    if (!this.cache) return compute();
    const answer = await this.cache.fetch(JSON.stringify(question), { context: compute });
    // fetchMethod resolves to what `compute` gave, never undefined; a rejection rejects here.
    return answer as T;
  }

  /** Forget every answer, those being computed too: later callers compute afresh. */
  clear(): void {
    this.cache?.clear();
  }
}
