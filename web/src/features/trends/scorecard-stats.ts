/** Quartiles and Tukey fences of a team's figures, for marking agents far from their peers. */
export interface Spread {
  count: number;
  median: number;
  q1: number;
  q3: number;
  lowFence: number;
  highFence: number;
}

/** Fewer agents than this and the quartiles say too little to call anyone an outlier. */
export const MIN_AGENTS_FOR_OUTLIERS = 4;

/** Linear interpolation between the closest ranks (Excel's QUARTILE.INC, numpy's default). */
export function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** Median, quartiles and fences 1.5 × IQR beyond the quartiles; null values (no denominator) are left out. */
export function spreadOf(values: ReadonlyArray<number | null | undefined>): Spread | null {
  const sorted = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const iqr = q3 - q1;
  return { count: sorted.length, median: quantile(sorted, 0.5), q1, q3, lowFence: q1 - 1.5 * iqr, highFence: q3 + 1.5 * iqr };
}

export type OutlierSide = 'high' | 'low';

export function outlierSide(value: number | null | undefined, spread: Spread | null): OutlierSide | null {
  if (value === null || value === undefined || !spread || spread.count < MIN_AGENTS_FOR_OUTLIERS) return null;
  if (value > spread.highFence) return 'high';
  if (value < spread.lowFence) return 'low';
  return null;
}

/** Whether an outlier is bad news, given which direction is better for the figure. */
export function outlierTone(side: OutlierSide, better: 'lower' | 'higher' | undefined): 'worse' | 'better' | 'neutral' {
  if (!better) return 'neutral';
  return (side === 'high') === (better === 'higher') ? 'better' : 'worse';
}
