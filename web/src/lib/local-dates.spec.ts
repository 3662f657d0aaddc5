import { offsetMinutes, periodInstants, startOfLocalDate, toRfc3339 } from './local-dates';

describe('local dates', () => {
  it('finds local midnight and writes it with its offset', () => {
    expect(startOfLocalDate('2026-11-22', 'Asia/Shanghai')).toBe(Date.parse('2026-11-21T16:00:00Z'));
    expect(toRfc3339(Date.parse('2026-11-21T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-22T00:00:00+08:00');
    expect(offsetMinutes(Date.parse('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('follows daylight saving: New York falls back on 1 November 2026', () => {
    expect(periodInstants('2026-11-01', '2026-11-01', 'America/New_York')).toEqual({
      from: '2026-11-01T00:00:00-04:00',
      to: '2026-11-02T00:00:00-05:00',
    });
  });
});
