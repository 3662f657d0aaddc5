import { LOWER_IS_BETTER, type ThresholdMetric } from './settings.schema';

export const BANDS = ['green', 'amber', 'red'] as const;
export type Band = (typeof BANDS)[number];

const LOWER_IS_BETTER_SET = new Set<string>(LOWER_IS_BETTER);

/**
 * A figure's band. A lower-is-better figure turns amber (red) when it reaches the threshold; a
 * higher-is-better one when it falls below it, so that meeting a target (service level 0.80
 * against 80/20) is still green. A figure with no value (nothing to divide by) has no band.
 */
export function bandOf(metric: ThresholdMetric, value: number | null, threshold: { amber: number; red: number }): Band | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (LOWER_IS_BETTER_SET.has(metric)) return value >= threshold.red ? 'red' : value >= threshold.amber ? 'amber' : 'green';
  return value < threshold.red ? 'red' : value < threshold.amber ? 'amber' : 'green';
}
