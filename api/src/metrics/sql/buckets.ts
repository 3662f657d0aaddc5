/** Time buckets a period can be grouped by; each starts at a local time of the requested timezone. */
export const BUCKET_KINDS = ['hour', 'day', 'week', 'month', 'interval15m', 'interval5m'] as const;
export type BucketKind = (typeof BUCKET_KINDS)[number];

export function isBucketKind(value: string): value is BucketKind {
  return (BUCKET_KINDS as readonly string[]).includes(value);
}

/** SQL for the Unix seconds at which the local bucket holding `ts` (a DateTime64) starts, in `{tz:String}`. */
export function bucketStartSeconds(kind: BucketKind, ts: string): string {
  switch (kind) {
    case 'hour':
      return `toUnixTimestamp(toStartOfHour(${ts}, {tz:String}))`;
    case 'day':
      return `toUnixTimestamp(toStartOfDay(${ts}, {tz:String}))`;
    case 'week':
      // Mode 1: weeks start on Monday, as they do in China and under ISO 8601.
      return `toUnixTimestamp(toDateTime(toStartOfWeek(${ts}, 1, {tz:String}), {tz:String}))`;
    case 'month':
      return `toUnixTimestamp(toDateTime(toStartOfMonth(${ts}, {tz:String}), {tz:String}))`;
    case 'interval15m':
      return `toUnixTimestamp(toStartOfInterval(${ts}, INTERVAL 15 MINUTE, {tz:String}))`;
    case 'interval5m':
      return `toUnixTimestamp(toStartOfInterval(${ts}, INTERVAL 5 MINUTE, {tz:String}))`;
  }
}

/**
 * No bucket of this kind is shorter than this, in any timezone (a DST day is 23 h, a month at
 * least 28 days less an hour, some zones shift by 30 minutes): stepping through an interval by
 * it lands in every bucket the interval touches.
 */
export const SHORTEST_BUCKET_MS: Record<BucketKind, number> = {
  hour: 30 * 60_000,
  day: 22 * 3_600_000,
  week: 166 * 3_600_000,
  month: 27 * 86_400_000,
  interval15m: 15 * 60_000,
  interval5m: 5 * 60_000,
};
