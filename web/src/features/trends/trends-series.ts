import type { TrendsResponseDto } from '@callboard/api';
import type { Dimension } from '../../lib/dimension-keys';

/** The legend and the table stop here; the rest of the series are counted, not drawn. */
export const MAX_SERIES = 10;

export type Series = TrendsResponseDto['series'][number];

export interface ShownSeries {
  id: string;
  key: string | null;
  points: Series['points'];
}

/** The busiest series first (by `volume`, e.g. offered legs of each group), capped at MAX_SERIES. */
export function topSeries(
  series: Series[],
  groupBy: Dimension | undefined,
  volume: ReadonlyMap<string, number>,
): { shown: ShownSeries[]; hidden: number } {
  const keyed = series.map((one) => ({ key: groupBy ? (one.key[groupBy] ?? null) : null, points: one.points }));
  const ranked = [...keyed].sort((a, b) => volumeOf(b.key, volume) - volumeOf(a.key, volume) || String(a.key).localeCompare(String(b.key)));
  return {
    shown: ranked.slice(0, MAX_SERIES).map((one, index) => ({ id: `s${index}`, ...one })),
    hidden: Math.max(0, ranked.length - MAX_SERIES),
  };
}

function volumeOf(key: string | null, volume: ReadonlyMap<string, number>): number {
  return key === null ? -1 : (volume.get(key) ?? 0);
}

/** One row per bucket with a column per shown series, as the chart and the table read it. */
export function pivot(shown: ShownSeries[]): Array<{ bucket: string } & Record<string, number | null | string>> {
  const buckets = shown[0]?.points.map((point) => point.bucket) ?? [];
  return buckets.map((bucket, index) => {
    const row: { bucket: string } & Record<string, number | null | string> = { bucket };
    for (const one of shown) row[one.id] = one.points[index]?.value ?? null;
    return row;
  });
}

/** A bucket's own time range, clipped to the period: [its start, the next bucket's start). */
export function bucketRange(buckets: readonly string[], index: number, period: { from: string; to: string }): { from: string; to: string } {
  const start = buckets[index]!;
  const next = buckets[index + 1];
  return {
    from: Date.parse(start) < Date.parse(period.from) ? period.from : start,
    to: next === undefined || Date.parse(next) > Date.parse(period.to) ? period.to : next,
  };
}

/** The calls behind one point: its bucket, its series' group, and the page's filters. */
export function callsLink(
  range: { from: string; to: string },
  group: { dimension: Dimension; key: string } | undefined,
  filters: Partial<Record<Dimension, readonly string[]>>,
): string {
  const params = new URLSearchParams({ from: range.from, to: range.to });
  for (const [dimension, values] of Object.entries(filters)) {
    if (group?.dimension === dimension) continue;
    for (const value of values ?? []) params.append(dimension, value);
  }
  if (group) params.set(group.dimension, group.key);
  return `/calls?${params.toString()}`;
}
