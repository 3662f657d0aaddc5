import { baselinePeriod } from './baseline-period';

const at = (text: string) => Date.parse(text);
const iso = (period: { from: number; to: number }) => [new Date(period.from).toISOString(), new Date(period.to).toISOString()];

describe('baselinePeriod', () => {
  it('sets a calendar month beside the calendar month before it (环比), not the 30 days before', () => {
    // November 2026 in Shanghai has 30 days; October has 31.
    const november = { from: at('2026-11-01T00:00:00+08:00'), to: at('2026-12-01T00:00:00+08:00') };
    expect(iso(baselinePeriod(november, 'previous', 'Asia/Shanghai'))).toEqual(['2026-09-30T16:00:00.000Z', '2026-10-31T16:00:00.000Z']);
  });

  it('counts whole local days across a DST change, so the previous week starts at local midnight', () => {
    // 2026-11-02 (Mon) to 2026-11-09 in New York: the week before holds the 25-hour 1 November.
    const week = { from: at('2026-11-02T00:00:00-05:00'), to: at('2026-11-09T00:00:00-05:00') };
    expect(iso(baselinePeriod(week, 'previous', 'America/New_York'))).toEqual(['2026-10-26T04:00:00.000Z', '2026-11-02T05:00:00.000Z']);
  });

  it('uses the same length in time for a period that is not whole days', () => {
    const morning = { from: at('2026-11-22T08:00:00+08:00'), to: at('2026-11-22T12:30:00+08:00') };
    expect(iso(baselinePeriod(morning, 'previous', 'Asia/Shanghai'))).toEqual(['2026-11-21T19:30:00.000Z', '2026-11-22T00:00:00.000Z']);
  });

  it('shifts by a week on the same weekdays and by a year on the same dates (同比)', () => {
    const day = { from: at('2026-11-22T00:00:00+08:00'), to: at('2026-11-23T00:00:00+08:00') };
    expect(iso(baselinePeriod(day, 'week', 'Asia/Shanghai'))).toEqual(['2026-11-14T16:00:00.000Z', '2026-11-15T16:00:00.000Z']);
    expect(iso(baselinePeriod(day, 'year', 'Asia/Shanghai'))).toEqual(['2025-11-21T16:00:00.000Z', '2025-11-22T16:00:00.000Z']);
  });

  it('keeps local midnight when a week earlier crosses a DST change', () => {
    // 2026-11-03 in New York (EST) against 2026-10-27 (EDT).
    const day = { from: at('2026-11-03T00:00:00-05:00'), to: at('2026-11-04T00:00:00-05:00') };
    expect(iso(baselinePeriod(day, 'week', 'America/New_York'))).toEqual(['2026-10-27T04:00:00.000Z', '2026-10-28T04:00:00.000Z']);
  });
});
