import { DateTime } from 'luxon';
import type { Metrics } from '../metrics/metrics.schema';
import type { MetricsService } from '../metrics/metrics.service';
import { computeMetrics, emptySums } from '../metrics/compute-metrics';
import type { Settings } from '../settings/settings.schema';

/** A source clock a little ahead of ours still counts as now. */
export const CLOCK_SKEW_ALLOWANCE_MS = 5_000;
const WINDOWS = { last15m: 15 * 60_000, last60m: 60 * 60_000 } as const;
const NO_FILTERS = { queues: [], agents: [], teams: [], categories: [] };

export type PeriodWindow = 'today' | keyof typeof WINDOWS;
export const PERIOD_WINDOWS: readonly PeriodWindow[] = ['today', 'last15m', 'last60m'];

export interface WindowFigures {
  byQueue: Map<string, Metrics>;
  totals: Metrics;
}

/** Every queue figure over today (centre timezone) and the last 15 and 60 minutes, as of `at`. */
export interface PeriodFigures {
  at: number;
  settings: Settings;
  windows: Record<PeriodWindow, WindowFigures>;
}

export const NO_METRICS: Metrics = computeMetrics(emptySums());

/** Reads the three windows through the same metrics queries as GET /metrics (one definition of every figure). */
export async function readPeriodFigures(metrics: MetricsService, tenant: string, settings: Settings, now: number): Promise<PeriodFigures> {
  const to = now + CLOCK_SKEW_ALLOWANCE_MS;
  const startOfToday = DateTime.fromMillis(now, { zone: settings.timezone }).startOf('day').toMillis();
  const starts: Record<PeriodWindow, number> = {
    today: startOfToday,
    last15m: now - WINDOWS.last15m,
    last60m: now - WINDOWS.last60m,
  };
  const results = await Promise.all(
    PERIOD_WINDOWS.map((window) =>
      metrics.metrics({ tenant, from: starts[window], to, tz: settings.timezone, filters: NO_FILTERS }, 'queue', { fresh: true }),
    ),
  );
  const windows = {} as Record<PeriodWindow, WindowFigures>;
  PERIOD_WINDOWS.forEach((window, index) => {
    const result = results[index]!;
    const byQueue = new Map<string, Metrics>();
    for (const group of result.groups) if (group.key.queue) byQueue.set(group.key.queue, group.metrics);
    windows[window] = { byQueue, totals: result.totals };
  });
  return { at: now, settings, windows };
}

/** The queues whose figures differ between two readings. */
export function changedQueues(before: PeriodFigures | undefined, after: PeriodFigures): Set<string> {
  const changed = new Set<string>();
  for (const window of PERIOD_WINDOWS) {
    const queues = new Set([...(before?.windows[window].byQueue.keys() ?? []), ...after.windows[window].byQueue.keys()]);
    for (const queue of queues) {
      const a = before?.windows[window].byQueue.get(queue);
      const b = after.windows[window].byQueue.get(queue);
      if (JSON.stringify(a) !== JSON.stringify(b)) changed.add(queue);
    }
  }
  return changed;
}
