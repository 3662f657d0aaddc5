import { bucketRange, callsLink, MAX_SERIES, pivot, topSeries, type Series } from './trends-series';

const points = (values: Array<number | null>) => values.map((value, index) => ({ bucket: `2026-11-0${index + 1}T00:00:00+08:00`, value }));

describe('trends series', () => {
  it('keeps the busiest series and counts the rest', () => {
    const series: Series[] = Array.from({ length: 12 }, (_, index) => ({ key: { queue: `q${index}` }, points: points([index]) }));
    series.push({ key: { queue: null }, points: points([1]) });
    const volume = new Map(series.map((_, index) => [`q${index}`, index * 10]));
    const { shown, hidden } = topSeries(series, 'queue', volume);
    expect(shown).toHaveLength(MAX_SERIES);
    expect(shown[0]).toMatchObject({ id: 's0', key: 'q11' });
    expect(shown.map((one) => one.key)).not.toContain(null);
    expect(hidden).toBe(3);
  });

  it('pivots points into one row per bucket', () => {
    const { shown } = topSeries([{ key: {}, points: points([0.5, null]) }], undefined, new Map());
    expect(pivot(shown)).toEqual([
      { bucket: '2026-11-01T00:00:00+08:00', s0: 0.5 },
      { bucket: '2026-11-02T00:00:00+08:00', s0: null },
    ]);
  });

  it("clips a bucket to the period and ends it at the next bucket's start", () => {
    // Week buckets start on Monday: the first one began before the period did.
    const buckets = ['2026-10-26T00:00:00+08:00', '2026-11-02T00:00:00+08:00'];
    const period = { from: '2026-11-01T00:00:00+08:00', to: '2026-11-05T00:00:00+08:00' };
    expect(bucketRange(buckets, 0, period)).toEqual({ from: '2026-11-01T00:00:00+08:00', to: '2026-11-02T00:00:00+08:00' });
    expect(bucketRange(buckets, 1, period)).toEqual({ from: '2026-11-02T00:00:00+08:00', to: '2026-11-05T00:00:00+08:00' });
  });

  it('links to the calls behind a point with its group and the filters', () => {
    const link = callsLink(
      { from: '2026-11-01T00:00:00+08:00', to: '2026-11-02T00:00:00+08:00' },
      { dimension: 'agent', key: 'a 7' },
      { queue: ['billing'], agent: ['other'] },
    );
    const params = new URLSearchParams(link.split('?')[1]);
    expect(link.startsWith('/calls?')).toBe(true);
    expect(params.get('from')).toBe('2026-11-01T00:00:00+08:00');
    expect(params.get('to')).toBe('2026-11-02T00:00:00+08:00');
    expect(params.getAll('agent')).toEqual(['a 7']);
    expect(params.getAll('queue')).toEqual(['billing']);
  });
});
