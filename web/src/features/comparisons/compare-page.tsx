import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../lib/api';
import { useCentreTimezone } from '../../lib/centre-timezone';
import { DIMENSIONS, useDimensionKeys } from '../../lib/dimension-keys';
import { useFormat, type Formatters } from '../../lib/format';
import type { CompareSearch } from '../../routes/compare';
import { compareQuery, shownPeriod } from './compare-period';
import { comparisonCsv, comparisonCsvName, downloadText } from './comparison-csv';
import { CompareCharts } from './components/compare-charts';
import { CompareControls } from './components/compare-controls';
import { CompareTable } from './components/compare-table';
import { GroupCompareTable } from './components/group-compare-table';
import { useComparison } from './hooks/use-comparison';
import './comparisons.css';

/** Managers: a period beside a baseline (环比 / 同比), every metric, charts and a CSV. */
export function ComparePage({ search, onChange }: { search: CompareSearch; onChange: (next: Partial<CompareSearch>) => void }) {
  const { t } = useTranslation(['compare', 'common']);
  const format = useFormat();
  const { timezone, error: settingsError } = useCentreTimezone(search.tenant);
  const query = useMemo(() => (timezone ? compareQuery(search, timezone) : undefined), [search, timezone]);
  const period = query ? { from: query.from, to: query.to } : undefined;
  const { keys } = useDimensionKeys(period, DIMENSIONS, { tenant: search.tenant });
  const { data: comparison, error, isFetching } = useComparison(query);
  const problem = settingsError ?? error;

  return (
    <section className="compare-page" data-testid="compare-page">
      <h1>{t('title')}</h1>
      {timezone && <CompareControls search={search} onChange={onChange} timezone={timezone} keys={keys} />}
      {problem && (
        <p role="alert" className="error">
          {t('common:error', { message: problem.message })}
        </p>
      )}
      {!comparison && !problem && <p>{t('common:loading')}</p>}
      {comparison && query && (
        <>
          <div className="compare-summary" aria-live="polite">
            <p>
              {t('summary', {
                current: periodLabel(format, comparison.current, comparison.timezone),
                baseline: periodLabel(format, comparison.baseline, comparison.timezone),
                timezone: comparison.timezone,
              })}
              {isFetching && <span className="compare-updating"> {t('common:loading')}</span>}
            </p>
            <button
              type="button"
              data-testid="compare-csv"
              onClick={() => {
                const dates = shownPeriod(search, comparison.timezone);
                downloadText(comparisonCsvName(dates.from, dates.to), comparisonCsv(comparison));
              }}
            >
              {t('csv')}
            </button>
          </div>
          <div className="panel" data-api-url={apiUrl('/metrics/compare', query)}>
            <CompareTable comparison={comparison} />
          </div>
          <CompareCharts comparison={comparison} />
          {search.groupBy && comparison.groups && (
            <div className="panel">
              <GroupCompareTable groups={comparison.groups} groupBy={search.groupBy} />
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** [from, to) as the days it covers: the end is exclusive, so its last day is the one before. */
function periodLabel(format: Formatters, period: { from: string; to: string }, timezone: string): string {
  const first = format.dateTime(period.from, timezone, 'date');
  const last = format.dateTime(Date.parse(period.to) - 1, timezone, 'date');
  return first === last ? first : `${first} – ${last}`;
}
