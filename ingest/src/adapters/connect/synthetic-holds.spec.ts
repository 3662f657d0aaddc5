import { syntheticHolds } from './synthetic-holds';

const total = (holds: Array<{ start: number; end: number }>) => holds.reduce((sum, hold) => sum + hold.end - hold.start, 0);

describe('syntheticHolds', () => {
  it('spreads the holds with equal gaps before, between and after them', () => {
    // 100 s of talk span, 30 s of hold in 3 holds of 10 s: four gaps of 17.5 s.
    expect(syntheticHolds(0, 100_000, { count: 3, totalSeconds: 30, longestSeconds: 10 })).toEqual([
      { start: 17_500, end: 27_500 },
      { start: 45_000, end: 55_000 },
      { start: 72_500, end: 82_500 },
    ]);
  });

  it('gives the first hold the longest duration when the totals allow it, and always keeps the total', () => {
    const holds = syntheticHolds(0, 600_000, { count: 3, totalSeconds: 100, longestSeconds: 70 });
    expect(holds.map((hold) => hold.end - hold.start)).toEqual([70_000, 15_000, 15_000]);
    // A longest hold that cannot be (the others would be longer): an even split.
    const uneven = syntheticHolds(0, 600_000, { count: 3, totalSeconds: 100, longestSeconds: 20 });
    expect(uneven.map((hold) => hold.end - hold.start)).toEqual([33_334, 33_333, 33_333]);
    expect(total(uneven)).toBe(100_000);
  });

  it('a hold total without a count is one hold; no total, no holds; a total longer than the talk is cut to it', () => {
    expect(syntheticHolds(0, 60_000, { totalSeconds: 20 })).toEqual([{ start: 20_000, end: 40_000 }]);
    expect(syntheticHolds(0, 60_000, { count: 2, totalSeconds: 0 })).toEqual([]);
    expect(syntheticHolds(0, 60_000, { count: 2 })).toEqual([]);
    expect(syntheticHolds(0, 60_000, { count: 2, totalSeconds: 90 })).toEqual([
      { start: 0, end: 30_000 },
      { start: 30_000, end: 60_000 },
    ]);
  });
});
