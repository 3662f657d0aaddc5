import { instantOfWallTime, instantParam, todayIn, wallTime } from './centre-time';

describe('centre time', () => {
  it('cuts today at the centre’s midnight, whatever the browser’s zone', () => {
    // 2026-11-22 17:30 UTC is already 01:30 on the 23rd in Shanghai.
    expect(todayIn('Asia/Shanghai', Date.UTC(2026, 10, 22, 17, 30))).toEqual({
      from: '2026-11-23T00:00:00+08:00',
      to: '2026-11-24T00:00:00+08:00',
    });
    // The day clocks go back in New York lasts 25 hours: EDT at its start, EST at its end.
    expect(todayIn('America/New_York', Date.UTC(2026, 10, 1, 12))).toEqual({
      from: '2026-11-01T00:00:00-04:00',
      to: '2026-11-02T00:00:00-05:00',
    });
  });

  it('turns datetime-local values into instants and back in the zone', () => {
    expect(instantOfWallTime('2026-11-22T09:05', 'Asia/Shanghai')).toBe('2026-11-22T09:05:00+08:00');
    expect(wallTime('2026-11-22T01:05:00Z', 'Asia/Shanghai')).toBe('2026-11-22T09:05');
    expect(instantOfWallTime('not a time', 'Asia/Shanghai')).toBeUndefined();
    // Clocks went back at 02:00 that day: by noon New York is on EST, -05:00.
    expect(instantOfWallTime('2026-11-01T12:00', 'America/New_York')).toBe('2026-11-01T12:00:00-05:00');
  });

  it('reads a URL instant, repairing an unencoded "+" and ignoring what is no time', () => {
    expect(instantParam('2026-11-22T00:00:00 08:00')).toBe('2026-11-22T00:00:00+08:00');
    expect(instantParam('yesterday')).toBeUndefined();
    expect(instantParam(undefined)).toBeUndefined();
  });
});
