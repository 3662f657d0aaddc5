import { bucketStarts } from './bucket-starts';

const local = (millis: number, zone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }).format(millis);

describe('bucketStarts', () => {
  it('gives a 25-hour day when New York falls back, with 01:00 twice', () => {
    const starts = bucketStarts(
      Date.parse('2026-11-01T00:00:00-04:00'),
      Date.parse('2026-11-02T00:00:00-05:00'),
      'America/New_York',
      'hour',
    );
    expect(starts).toHaveLength(25);
    expect(starts.filter((start) => local(start, 'America/New_York').endsWith('01:00'))).toHaveLength(2);
  });

  it('gives a 23-hour day when New York springs forward, with no 02:00', () => {
    const starts = bucketStarts(
      Date.parse('2026-03-08T00:00:00-05:00'),
      Date.parse('2026-03-09T00:00:00-04:00'),
      'America/New_York',
      'hour',
    );
    expect(starts).toHaveLength(23);
    expect(starts.map((start) => local(start, 'America/New_York').slice(-5))).not.toContain('02:00');
  });

  it('starts days at local midnight and weeks on Monday, including a bucket begun before the period', () => {
    const days = bucketStarts(Date.parse('2026-11-22T12:00:00+08:00'), Date.parse('2026-11-24T00:00:00+08:00'), 'Asia/Shanghai', 'day');
    expect(days.map((start) => new Date(start).toISOString())).toEqual(['2026-11-21T16:00:00.000Z', '2026-11-22T16:00:00.000Z']);
    const weeks = bucketStarts(Date.parse('2026-11-22T00:00:00+08:00'), Date.parse('2026-11-24T00:00:00+08:00'), 'Asia/Shanghai', 'week');
    // 2026-11-22 is a Sunday: its week began on Monday 16 November.
    expect(weeks.map((start) => new Date(start).toISOString())).toEqual(['2026-11-15T16:00:00.000Z', '2026-11-22T16:00:00.000Z']);
  });

  it('cuts an hour into four quarter hours and a year into twelve months', () => {
    expect(
      bucketStarts(Date.parse('2026-11-22T09:00:00+08:00'), Date.parse('2026-11-22T10:00:00+08:00'), 'Asia/Shanghai', 'interval15m'),
    ).toHaveLength(4);
    // The wallboard's last hour: 09:07 → 10:07 touches the twelve 5-minute buckets from 09:05 to 10:05, and 10:05 itself.
    const fiveMinutes = bucketStarts(
      Date.parse('2026-11-22T09:07:00+08:00'),
      Date.parse('2026-11-22T10:07:00+08:00'),
      'Asia/Shanghai',
      'interval5m',
    );
    expect(fiveMinutes).toHaveLength(13);
    expect(new Date(fiveMinutes[0]!).toISOString()).toBe('2026-11-22T01:05:00.000Z');
    expect(
      bucketStarts(Date.parse('2026-01-01T00:00:00+08:00'), Date.parse('2027-01-01T00:00:00+08:00'), 'Asia/Shanghai', 'month'),
    ).toHaveLength(12);
  });
});
