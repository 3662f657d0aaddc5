import { useTranslation } from 'react-i18next';
import { DateRange } from '../../../components/date-range';
import { MetricInfo } from '../../../components/metric-info';
import { DIMENSIONS, type Dimension, type DimensionKey } from '../../../lib/dimension-keys';
import type { LocalDate } from '../../../lib/local-dates';
import { METRIC_NAMES, type MetricName } from '../../../lib/metrics';
import type { TrendsSearch } from '../../../routes/trends';
import { DimensionFilter } from '../../../components/dimension-filter';
import { LAST_DAYS, lastDays } from '../quick-ranges';

const BUCKETS = ['hour', 'day', 'week', 'month'] as const;

export function TrendsControls(props: {
  search: TrendsSearch;
  onChange: (next: Partial<TrendsSearch>) => void;
  timezone: string;
  dates: { from: LocalDate; to: LocalDate };
  keys: Partial<Record<Dimension, DimensionKey[]>>;
}) {
  const { search, onChange, timezone } = props;
  const { t } = useTranslation(['trends', 'metrics']);
  const now = Date.now();
  return (
    <div className="controls trends-controls">
      <label>
        {t('metric')}
        <span className="metric-select">
          <select value={search.metric} onChange={(event) => onChange({ metric: event.target.value })} data-testid="trends-metric">
            {METRIC_NAMES.map((name) => (
              <option key={name} value={name}>
                {t(`metrics:labels.${name}`)}
              </option>
            ))}
          </select>
          <MetricInfo metric={search.metric as MetricName} />
        </span>
      </label>
      <label>
        {t('bucket')}
        <select
          value={search.bucket}
          onChange={(event) => onChange({ bucket: event.target.value as TrendsSearch['bucket'] })}
          data-testid="trends-bucket"
        >
          {BUCKETS.map((bucket) => (
            <option key={bucket} value={bucket}>
              {t(`buckets.${bucket}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('groupBy')}
        <select
          value={search.groupBy ?? ''}
          onChange={(event) => onChange({ groupBy: (event.target.value || undefined) as TrendsSearch['groupBy'] })}
          data-testid="trends-group-by"
        >
          <option value="">{t('noGrouping')}</option>
          {DIMENSIONS.map((dimension) => (
            <option key={dimension} value={dimension}>
              {t(`dimensions.${dimension}`)}
            </option>
          ))}
        </select>
      </label>
      <DateRange
        legend={t('period')}
        fromLabel={t('from')}
        toLabel={t('to')}
        from={props.dates.from}
        to={props.dates.to}
        quickRanges={LAST_DAYS.map((days) => ({
          id: `last${days}`,
          label: t('lastDays', { count: days }),
          ...lastDays(days, now, timezone),
        }))}
        onChange={(range) => onChange(range)}
        testId="trends-period"
      />
      {DIMENSIONS.map((dimension) => (
        <DimensionFilter
          namespace="trends"
          testId={`filter-${dimension}`}
          key={dimension}
          dimension={dimension}
          keys={props.keys[dimension] ?? []}
          selected={search[dimension]}
          onChange={(selected) => onChange({ [dimension]: selected })}
        />
      ))}
    </div>
  );
}
