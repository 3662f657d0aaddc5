export interface HoldTotals {
  /** Agent.NumberOfHolds */
  count?: number | null;
  /** Agent.CustomerHoldDuration, whole seconds */
  totalSeconds?: number | null;
  /** Agent.LongestHoldDuration, whole seconds */
  longestSeconds?: number | null;
}

/**
 * A contact record gives hold totals, not times, so holds are placed: `count` holds adding up to
 * the total, the first as long as the longest hold (when the totals allow it), the rest sharing
 * what is left; spread evenly over the talk with equal gaps before, between and after them.
 * METRICS.md only sums hold durations, so where they sit changes no figure. A total longer than
 * the talk (an inconsistent record) is cut to the talk.
 */
export function syntheticHolds(answeredAt: number, talkEndAt: number, totals: HoldTotals): Array<{ start: number; end: number }> {
  const span = talkEndAt - answeredAt;
  const total = Math.min((totals.totalSeconds ?? 0) * 1000, span);
  if (total <= 0) return [];
  const count = Math.max(1, totals.count ?? 1);
  const durations = holdDurations(total, count, (totals.longestSeconds ?? 0) * 1000);
  const free = span - total;
  const holds: Array<{ start: number; end: number }> = [];
  let held = 0;
  for (const [index, duration] of durations.entries()) {
    const start = answeredAt + Math.floor(((index + 1) * free) / (count + 1)) + held;
    holds.push({ start, end: start + duration });
    held += duration;
  }
  return holds;
}

function holdDurations(total: number, count: number, longest: number): number[] {
  // The longest hold first only when the rest can share what is left without any being longer.
  if (count > 1 && longest > 0 && longest <= total && total <= longest * count) return [longest, ...evenSplit(total - longest, count - 1)];
  return evenSplit(total, count);
}

function evenSplit(total: number, count: number): number[] {
  const base = Math.floor(total / count);
  return Array.from({ length: count }, (_, index) => base + (index < total - base * count ? 1 : 0));
}
