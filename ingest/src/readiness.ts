import type { ClickHouseClient } from '@callboard/infra';

/** Each dependency check of /ready gives up after this long: a readiness probe must never hang. */
export const READY_CHECK_TIMEOUT_MS = 2_000;

export interface DependencyCheck {
  ok: boolean;
  /** How long the check took, or how long it was waited for before giving up. */
  ms: number;
  error?: string;
}

export interface IngestLagCheck {
  ok: boolean;
  /** Age of the oldest event not yet stored in ClickHouse (0: none pending). */
  seconds: number;
  /** Events not yet stored (Kafka mode: messages after the ingest group's committed offsets). */
  messages: number;
  limit: number;
}

/** The body of /ready, for the api and the ingester alike. */
export interface Readiness {
  status: 'ready' | 'not_ready';
  checks: { clickHouse: DependencyCheck; kafka?: DependencyCheck; ingestLag: IngestLagCheck };
}

export interface ReadinessProbes {
  clickHouse: ClickHouseClient;
  /** Kafka mode only: resolves once a broker has answered. */
  kafka?: () => Promise<unknown>;
  ingestLag: () => { seconds: number; messages: number };
  maxLagSeconds: number;
  timeoutMs?: number;
}

/** Runs every check at once, each with its own timeout: ready when ClickHouse and Kafka answer and the lag is within the limit. */
export async function assessReadiness(probes: ReadinessProbes): Promise<Readiness> {
  const timeoutMs = probes.timeoutMs ?? READY_CHECK_TIMEOUT_MS;
  const [clickHouse, kafka] = await Promise.all([
    timedCheck(() => pingClickHouse(probes.clickHouse), timeoutMs),
    probes.kafka ? timedCheck(probes.kafka, timeoutMs) : undefined,
  ]);
  const lag = probes.ingestLag();
  const ingestLag = { ok: lag.seconds <= probes.maxLagSeconds, ...lag, limit: probes.maxLagSeconds };
  const ok = clickHouse.ok && (kafka?.ok ?? true) && ingestLag.ok;
  return { status: ok ? 'ready' : 'not_ready', checks: { clickHouse, ...(kafka ? { kafka } : {}), ingestLag } };
}

/** Seconds since `since` (epoch ms) at `now`, to a tenth; 0 when nothing is pending. */
export function lagSeconds(since: number | undefined, now: number): number {
  return since === undefined ? 0 : Math.max(0, Math.round((now - since) / 100) / 10);
}

/**
 * Wraps a check so that at most one runs at a time: probes arriving every few seconds while a
 * dependency hangs share the attempt under way instead of piling up client retries behind it.
 */
export function oneAtATime<T>(check: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  return () => {
    running ??= check().finally(() => {
      running = undefined;
    });
    return running;
  };
}

async function pingClickHouse(client: ClickHouseClient): Promise<void> {
  // A SELECT rather than the server's /ping, which answers without checking credentials or the database.
  const result = await client.ping({ select: true });
  if (!result.success) throw result.error;
}

async function timedCheck(check: () => Promise<unknown>, timeoutMs: number): Promise<DependencyCheck> {
  const startedAt = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
    return { ok: true, ms: Date.now() - startedAt };
  } catch (error) {
    return { ok: false, ms: Date.now() - startedAt, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
