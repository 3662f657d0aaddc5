import type { ChildProcess } from 'node:child_process';
import { freePort, runFromSource } from '../helpers/processes';

export interface IngestService {
  child: ChildProcess & { output: () => string };
  /** A gauge or counter from its Prometheus /metrics; undefined while it does not answer. */
  metric(name: string): Promise<number | undefined>;
  /** Resolves with the signal that ended it (null for a normal exit) and its exit code. */
  exited(): Promise<{ signal: NodeJS.Signals | null; code: number | null }>;
}

/** The production ingest service (ingest/src/main.ts) as its own process, configured by `env`. */
export async function startIngestService(env: Record<string, string>): Promise<IngestService> {
  const metricsPort = await freePort();
  const child = runFromSource('ingest/src/main.ts', { LOG_LEVEL: 'warn', ...env, INGEST_METRICS_PORT: String(metricsPort) });
  const exit = new Promise<{ signal: NodeJS.Signals | null; code: number | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    metric: async (name) => {
      try {
        const body = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
        const line = body.split('\n').find((text) => text.startsWith(`${name} `));
        return line ? Number(line.split(' ')[1]) : undefined;
      } catch {
        return undefined; // not listening (yet, or any more)
      }
    },
    exited: () => exit,
  };
}
