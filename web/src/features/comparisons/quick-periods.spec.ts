import { periodInstants } from '../../lib/local-dates';
import { quickPeriod } from './quick-periods';

// 2026-10-31T17:30Z is 01:30 on Sunday 1 November in Shanghai (UTC+8): UTC is still in October.
const NOW = Date.parse('2026-10-31T17:30:00Z');
const SHANGHAI = 'Asia/Shanghai';

describe('quickPeriod in Asia/Shanghai across a month end', () => {
  it('takes today and yesterday from the centre calendar, not UTC', () => {
    expect(quickPeriod('today', NOW, SHANGHAI)).toEqual({ from: '2026-11-01', to: '2026-11-01' });
    expect(quickPeriod('yesterday', NOW, SHANGHAI)).toEqual({ from: '2026-10-31', to: '2026-10-31' });
    expect(quickPeriod('today', NOW, 'UTC')).toEqual({ from: '2026-10-31', to: '2026-10-31' });
  });

  it('weeks run Monday to Sunday: Sunday 1 November ends the week that began on 26 October', () => {
    expect(quickPeriod('thisWeek', NOW, SHANGHAI)).toEqual({ from: '2026-10-26', to: '2026-11-01' });
    expect(quickPeriod('lastWeek', NOW, SHANGHAI)).toEqual({ from: '2026-10-19', to: '2026-10-25' });
  });

  it('months are whole calendar months', () => {
    expect(quickPeriod('thisMonth', NOW, SHANGHAI)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(quickPeriod('lastMonth', NOW, SHANGHAI)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
  });

  it('crosses a year end', () => {
    const newYear = Date.parse('2026-12-31T16:00:00Z'); // 2027-01-01 00:00 in Shanghai, a Friday
    expect(quickPeriod('lastMonth', newYear, SHANGHAI)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(quickPeriod('thisWeek', newYear, SHANGHAI)).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });

  it('sends the api half-open instants with the centre offset', () => {
    const { from, to } = quickPeriod('lastMonth', NOW, SHANGHAI);
    expect(periodInstants(from, to, SHANGHAI)).toEqual({ from: '2026-10-01T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00' });
  });
});
