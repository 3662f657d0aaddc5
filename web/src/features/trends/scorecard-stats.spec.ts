import { outlierSide, outlierTone, quantile, spreadOf } from './scorecard-stats';

describe('scorecard statistics', () => {
  it('interpolates quartiles between ranks', () => {
    // [1, 2, 3, 4]: positions (n−1)·p = 0.75, 1.5, 2.25 → 1.75, 2.5, 3.25.
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75);
    expect(quantile([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5);
    expect(quantile([1, 2, 3, 4], 0.75)).toBeCloseTo(3.25);
    expect(quantile([7], 0.5)).toBe(7);
  });

  it('finds the median, quartiles and fences of a team, leaving out nulls', () => {
    // Sorted AHTs (s) 200 240 240 250 280 300 600: n = 7, positions 1.5, 3, 4.5.
    // Q1 = 240 + 0.5·(240 − 240) = 240; median = 250; Q3 = 280 + 0.5·(300 − 280) = 290.
    // IQR = 50; fences 240 − 75 = 165 and 290 + 75 = 365.
    const spread = spreadOf([300, 240, null, 600, 200, 250, 240, 280]);
    expect(spread).toEqual({ count: 7, median: 250, q1: 240, q3: 290, lowFence: 165, highFence: 365 });
    expect(outlierSide(600, spread)).toBe('high');
    expect(outlierSide(365, spread)).toBeNull();
    expect(outlierSide(160, spread)).toBe('low');
    expect(outlierSide(null, spread)).toBeNull();
  });

  it('works with an even number of agents', () => {
    // Sorted FCR 0.5 0.7 0.72 0.74 0.76 0.8: positions 1.25, 2.5, 3.75.
    // Q1 = 0.7 + 0.25·0.02 = 0.705; median = 0.73; Q3 = 0.74 + 0.75·0.02 = 0.755; IQR 0.05 → fences 0.63, 0.83.
    const spread = spreadOf([0.8, 0.5, 0.72, 0.7, 0.76, 0.74])!;
    expect(spread.median).toBeCloseTo(0.73);
    expect(spread.q1).toBeCloseTo(0.705);
    expect(spread.q3).toBeCloseTo(0.755);
    expect(spread.lowFence).toBeCloseTo(0.63);
    expect(spread.highFence).toBeCloseTo(0.83);
    expect(outlierSide(0.5, spread)).toBe('low');
  });

  it('calls nobody an outlier in a team of fewer than four, or with no figures', () => {
    expect(outlierSide(1000, spreadOf([1, 2, 3]))).toBeNull();
    expect(spreadOf([null, null])).toBeNull();
  });

  it('says whether an outlier is bad news', () => {
    expect(outlierTone('high', 'lower')).toBe('worse'); // AHT far above the team
    expect(outlierTone('low', 'higher')).toBe('worse'); // FCR far below
    expect(outlierTone('high', 'higher')).toBe('better');
    expect(outlierTone('low', undefined)).toBe('neutral'); // occupancy: both sides deserve a look
  });
});
