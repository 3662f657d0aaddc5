import type { Formatters } from '../../lib/format';

export type Bucket = 'hour' | 'day' | 'week' | 'month';

export function bucketLabel(format: Formatters, bucket: Bucket, start: string, timezone: string): string {
  return format.dateTime(start, timezone, bucket === 'hour' ? 'short' : 'date');
}
