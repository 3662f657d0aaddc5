import { slopePerMinute } from './load';

describe('the load run’s memory slope', () => {
  it('is the least-squares slope per minute of the samples at their own times', () => {
    // 100, 110, 120 MB at 0, 1 and 2 minutes: 10 MB a minute.
    expect(slopePerMinute([0, 60_000, 120_000], [100, 110, 120])).toBe(10);
    // 100, 130, 100 at 0, 0.5, 1 min: the mean line is flat.
    expect(slopePerMinute([0, 30_000, 60_000], [100, 130, 100])).toBe(0);
    // Two samples 20 s apart, 5 MB higher: 15 MB a minute.
    expect(slopePerMinute([1_000, 21_000], [200, 205])).toBe(15);
  });
});
