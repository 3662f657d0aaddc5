import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCentreTimezone } from '../../lib/centre-timezone';
import { DIMENSIONS, useDimensionKeys } from '../../lib/dimension-keys';
import type { MetricName } from '../../lib/metrics';
import type { TrendsSearch } from '../../routes/trends';
import { TrendsChart } from './components/trends-chart';
import { TrendsControls } from './components/trends-controls';
import { TrendsTable } from './components/trends-table';
import { useGroupLabel } from '../../lib/group-label';
import { useTrends } from './hooks/use-trends';
import { trendsPeriod } from './trends-period';
import { bucketRange, callsLink, pivot, topSeries, MAX_SERIES } from './trends-series';
import './trends.css';

/** QA: any metric by hour/day/week/month, one line per group, every point linking to its calls. */
export function TrendsPage({ search, onChange }: { search: TrendsSearch; onChange: (next: Partial<TrendsSearch>) => void }) {
  const { t } = useTranslation(['trends', 'common']);
  const navigate = useNavigate();
  const { timezone, error: settingsError } = useCentreTimezone(search.tenant);
  const period = useMemo(() => (timezone ? trendsPeriod(search, timezone, 30) : undefined), [search, timezone]);
  const filters = { queue: search.queue, team: search.team, agent: search.agent, category: search.category };
  const query = period && {
    ...period.instants,
    ...filters,
    metric: search.metric,
    bucket: search.bucket,
    groupBy: search.groupBy,
    tenant: search.tenant,
  };
  const { data: trends, error } = useTrends(query);
  const { keys: options } = useDimensionKeys(period?.instants, DIMENSIONS, { tenant: search.tenant });
  // Series are ranked by the groups' offered legs under the page's filters.
  const { keys: volumes, error: volumesError } = useDimensionKeys(period?.instants, search.groupBy ? [search.groupBy] : [], {
    ...filters,
    tenant: search.tenant,
  });
  const label = useGroupLabel(search.groupBy, 'trends');
  const problem = settingsError ?? error;

  const view = useMemo(() => {
    // Wait for the volumes, so lines are not redrawn in another order a moment later.
    if (!trends || (search.groupBy && !volumes[search.groupBy] && !volumesError)) return undefined;
    const volume = new Map((search.groupBy ? (volumes[search.groupBy] ?? []) : []).map(({ key, offered }) => [key, offered]));
    const { shown, hidden } = topSeries(trends.series, search.groupBy, volume);
    return { shown, hidden, total: trends.series.length, rows: pivot(shown) };
  }, [trends, volumes, volumesError, search.groupBy]);

  const linkTo = (bucketIndex: number, seriesId: string): string | undefined => {
    if (!trends || !view) return undefined;
    const one = view.shown.find((series) => series.id === seriesId);
    if (!one || (search.groupBy && one.key === null)) return undefined;
    const range = bucketRange(
      view.rows.map((row) => row.bucket),
      bucketIndex,
      trends,
    );
    return callsLink(range, search.groupBy && one.key !== null ? { dimension: search.groupBy, key: one.key } : undefined, filters);
  };

  return (
    <section className="trends-page" data-testid="trends-page">
      <h1>{t('title')}</h1>
      {timezone && period && <TrendsControls search={search} onChange={onChange} timezone={timezone} dates={period.dates} keys={options} />}
      {problem && (
        <p role="alert" className="error">
          {t('common:error', { message: problem.message })}
        </p>
      )}
      {!view && !problem && <p>{t('common:loading')}</p>}
      {trends && view && (
        <>
          {view.hidden > 0 && <p className="trends-note">{t('capped', { shown: MAX_SERIES, total: view.total })}</p>}
          <TrendsChart
            metric={search.metric as MetricName}
            bucket={search.bucket}
            timezone={trends.timezone}
            series={view.shown.map((one) => ({ id: one.id, label: label(one.key) }))}
            rows={view.rows}
            onPoint={(bucketIndex, seriesId) => {
              const to = linkTo(bucketIndex, seriesId);
              if (to) void navigate(to);
            }}
          />
          <p className="trends-note">{t('clickHint')}</p>
          <TrendsTable
            metric={search.metric as MetricName}
            bucket={search.bucket}
            timezone={trends.timezone}
            series={view.shown.map((one) => ({ id: one.id, label: label(one.key) }))}
            rows={view.rows}
            linkTo={linkTo}
          />
        </>
      )}
    </section>
  );
}
