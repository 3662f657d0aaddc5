import { DateTime } from 'luxon';

export type BucketUnit = 'hour' | 'day' | 'week' | 'month' | 'interval15m';

/** Start (epoch ms) of every bucket overlapping [from, to), in local time of `zone`; the first may start before `from`. */
export function bucketStarts(from: number, to: number, zone: string, unit: BucketUnit): number[] {
  const starts: number[] = [];
  for (let start = bucketStartOf(from, zone, unit); start < to; start = nextBucketStart(start, zone, unit)) starts.push(start);
  return starts;
}

/** The index of the bucket holding `at`: the last start at or before it (the caller keeps `at` inside the listed buckets). */
export function bucketIndexOf(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (starts[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** A bucket's key: its local start as RFC 3339 with offset, no milliseconds. */
export function bucketKey(start: number, zone: string): string {
  return DateTime.fromMillis(start, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

function bucketStartOf(at: number, zone: string, unit: BucketUnit): number {
  const local = DateTime.fromMillis(at, { zone });
  const intoMinute = local.second * 1000 + local.millisecond;
  // Sub-day buckets step back from `at` itself, which keeps the right side of a repeated DST hour.
  if (unit === 'hour') return at - local.minute * 60_000 - intoMinute;
  if (unit === 'interval15m') return at - (local.minute % 15) * 60_000 - intoMinute;
  return local.startOf(unit).toMillis();
}

function nextBucketStart(start: number, zone: string, unit: BucketUnit): number {
  if (unit === 'hour') return bucketStartOf(start + 3_600_000, zone, unit);
  if (unit === 'interval15m') return bucketStartOf(start + 900_000, zone, unit);
  const next = DateTime.fromMillis(start, { zone }).plus({ [`${unit}s`]: 1 });
  return next.startOf(unit).toMillis();
}
