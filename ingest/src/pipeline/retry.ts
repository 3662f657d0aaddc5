import { setTimeout as sleep } from 'node:timers/promises';

export interface Backoff {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 100, maxMs: 10_000 };

/**
 * Runs `attempt` until it succeeds: a write that cannot be made now is waited for, never
 * dropped. Delays double up to `maxMs`, with jitter so that instances do not retry in step.
 * Only `signal` (shutdown) ends the loop early, by throwing its reason.
 */
export async function retryUntilDone<T>(
  attempt: () => Promise<T>,
  onFailure: (error: unknown, attemptNumber: number) => void,
  backoff: Backoff,
  signal: AbortSignal,
): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    signal.throwIfAborted();
    try {
      return await attempt();
    } catch (error) {
      onFailure(error, attemptNumber);
      const delay = Math.min(backoff.maxMs, backoff.initialMs * 2 ** (attemptNumber - 1));
      await sleep(delay / 2 + Math.random() * (delay / 2), undefined, { signal });
    }
  }
}
