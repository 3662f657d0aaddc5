import type { TFunction } from 'i18next';
import type { Formatters } from '../../lib/format';
import { NO_VALUE } from '../../lib/format';
import { metricKind, type MetricName } from '../../lib/metrics';

export interface Change {
  current: number | null;
  baseline: number | null;
  delta: number | null;
  relative: number | null;
  better: boolean | null;
}

const sign = (value: number) => (value > 0 ? '+' : value < 0 ? '−' : '±');

/** A change in the metric's own unit: percentage points for a rate, m:ss for a time, a signed count. */
export function formatDelta(format: Formatters, t: TFunction, name: MetricName, delta: number | null): string {
  if (delta === null) return NO_VALUE;
  const size = Math.abs(delta);
  switch (metricKind(name)) {
    case 'ratio':
      return t('compare:points', { value: `${sign(delta)}${format.decimal(size * 100, 1)}` });
    case 'seconds':
      // Under a minute m:ss would round most changes of ASA or hold to "0:00".
      return size < 60
        ? t('compare:seconds', { value: `${sign(delta)}${format.decimal(size, 1)}` })
        : `${sign(delta)}${format.duration(size)}`;
    case 'score':
      return `${sign(delta)}${format.decimal(size, 2)}`;
    default:
      return `${sign(delta)}${format.count(size)}`;
  }
}

export function formatRelative(format: Formatters, relative: number | null): string {
  return relative === null ? NO_VALUE : `${sign(relative)}${format.percent(Math.abs(relative))}`;
}

export type Verdict = 'better' | 'worse' | 'unchanged' | 'none';

export function verdictOf(change: Change | undefined): Verdict {
  if (!change || change.delta === null) return 'none';
  if (change.better === true) return 'better';
  if (change.better === false) return 'worse';
  return change.delta === 0 ? 'unchanged' : 'none';
}

/** ▲ up, ▼ down: the direction of the change; the word and colour say whether that is good. */
export function arrowOf(delta: number | null): string {
  if (delta === null || delta === 0) return delta === 0 ? '=' : '';
  return delta > 0 ? '▲' : '▼';
}
