import { DateTime } from 'luxon';
import type { BucketKind } from './sql/buckets';

/** Buckets one period may be cut into: an hour for 200 days, a day for over ten years. */
export const MAX_BUCKETS = 5000;

function startOfBucket(at: DateTime, kind: BucketKind): DateTime {
  switch (kind) {
    case 'interval15m':
      return at.startOf('hour').plus({ minutes: Math.floor(at.minute / 15) * 15 });
    case 'interval5m':
      return at.startOf('hour').plus({ minutes: Math.floor(at.minute / 5) * 5 });
    case 'week':
      return at.startOf('week'); // Luxon's weeks are ISO weeks, starting on Monday
    default:
      return at.startOf(kind);
  }
}

// Hours and quarter hours step in elapsed time, so a DST day has 23 or 25 of them; days, weeks
// and months step on the local calendar, so each starts at local midnight.
function nextBucket(start: DateTime, kind: BucketKind): DateTime {
  switch (kind) {
    case 'hour':
      return start.plus({ hours: 1 });
    case 'interval15m':
      return start.plus({ minutes: 15 });
    case 'interval5m':
      return start.plus({ minutes: 5 });
    case 'day':
      return start.plus({ days: 1 });
    case 'week':
      return start.plus({ weeks: 1 });
    case 'month':
      return start.plus({ months: 1 });
  }
}

/** Every bucket of [from, to) in `zone`, as epoch ms of its local start (the first may start before `from`). */
export function bucketStarts(from: number, to: number, zone: string, kind: BucketKind): number[] {
  const starts: number[] = [];
  for (let start = startOfBucket(DateTime.fromMillis(from, { zone }), kind); start.toMillis() < to; start = nextBucket(start, kind)) {
    starts.push(start.toMillis());
    if (starts.length > MAX_BUCKETS) break;
  }
  return starts;
}

export function countBuckets(from: number, to: number, zone: string, kind: BucketKind): number {
  return bucketStarts(from, to, zone, kind).length;
}
