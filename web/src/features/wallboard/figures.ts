import type { Band, LiveFigures } from '@callboard/api';
import type { Formatters } from '../../lib/format';
import { formatMetric, type MetricName } from '../../lib/metrics';

/** Every figure a band (and so an alert) can watch. */
export type WatchedFigure = keyof LiveFigures['bands'];

export function formatFigure(format: Formatters, name: WatchedFigure, value: number | null | undefined): string {
  if (name === 'waitingNow') return format.count(value);
  if (name === 'longestWaitSeconds') return format.duration(value);
  return formatMetric(format, name as MetricName, value);
}

/** Same rule as the api's bands: lower-is-better figures turn amber (red) at their threshold. */
export function lowerIsBetterBand(value: number, threshold: { amber: number; red: number } | undefined): Band | null {
  if (!threshold) return null;
  return value >= threshold.red ? 'red' : value >= threshold.amber ? 'amber' : 'green';
}

/** Seconds since an instant, never negative (a screen clock a little behind the api's). */
export function secondsSince(iso: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));
}
