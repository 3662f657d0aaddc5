import { BETTER_WHEN, METRIC_NAMES, type MetricName } from '../metrics/metric-definitions';
import type { Metrics } from '../metrics/metrics.schema';

export interface Change {
  current: number | null;
  baseline: number | null;
  delta: number | null;
  relative: number | null;
  better: boolean | null;
}

export function changesBetween(current: Metrics, baseline: Metrics): Record<MetricName, Change> {
  return Object.fromEntries(METRIC_NAMES.map((name) => [name, change(name, current[name], baseline[name])])) as Record<MetricName, Change>;
}

function change(name: MetricName, current: number | null, baseline: number | null): Change {
  if (current === null || baseline === null) return { current, baseline, delta: null, relative: null, better: null };
  const delta = current - baseline;
  const direction = BETTER_WHEN[name];
  const better = direction === undefined || delta === 0 ? null : direction === 'lower' ? delta < 0 : delta > 0;
  return { current, baseline, delta, relative: baseline === 0 ? null : delta / baseline, better };
}
