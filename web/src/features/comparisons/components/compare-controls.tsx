import { useTranslation } from 'react-i18next';
import { DateRange } from '../../../components/date-range';
import { DIMENSIONS, type DimensionKey, type Dimension } from '../../../lib/dimension-keys';
import type { CompareSearch } from '../../../routes/compare';
import { shownBaseline, shownPeriod } from '../compare-period';
import { QUICK_PERIODS, quickPeriod } from '../quick-periods';
import { DimensionFilter } from '../../../components/dimension-filter';

const AGAINST = ['previous', 'week', 'year', 'custom'] as const;

export function CompareControls(props: {
  search: CompareSearch;
  onChange: (next: Partial<CompareSearch>) => void;
  timezone: string;
  keys: Partial<Record<Dimension, DimensionKey[]>>;
}) {
  const { search, onChange, timezone, keys } = props;
  const { t } = useTranslation('compare');
  const now = Date.now();
  const period = shownPeriod(search, timezone, now);
  const baseline = shownBaseline(search, timezone, now);
  return (
    <div className="controls compare-controls">
      <DateRange
        legend={t('period')}
        fromLabel={t('from')}
        toLabel={t('to')}
        from={period.from}
        to={period.to}
        quickRanges={QUICK_PERIODS.map((pick) => ({ id: pick, label: t(`quick.${pick}`), ...quickPeriod(pick, now, timezone) }))}
        onChange={(range) => onChange(range)}
        testId="compare-period"
      />
      <label>
        {t('against')}
        <select
          value={search.against}
          data-testid="compare-against"
          onChange={(event) => {
            const against = event.target.value as CompareSearch['against'];
            onChange(
              against === 'custom'
                ? { against, againstFrom: baseline.from, againstTo: baseline.to }
                : { against, againstFrom: undefined, againstTo: undefined },
            );
          }}
        >
          {AGAINST.map((against) => (
            <option key={against} value={against}>
              {t(`againstOptions.${against}`)}
            </option>
          ))}
        </select>
      </label>
      {search.against === 'custom' && (
        <DateRange
          legend={t('baselinePeriod')}
          fromLabel={t('from')}
          toLabel={t('to')}
          from={baseline.from}
          to={baseline.to}
          onChange={(range) => onChange({ againstFrom: range.from, againstTo: range.to })}
          testId="compare-baseline-period"
        />
      )}
      {DIMENSIONS.map((dimension) => (
        <DimensionFilter
          namespace="compare"
          testId={`compare-filter-${dimension}`}
          key={dimension}
          dimension={dimension}
          keys={keys[dimension] ?? []}
          selected={search[dimension]}
          onChange={(selected) => onChange({ [dimension]: selected })}
        />
      ))}
      <label>
        {t('groupBy')}
        <select
          value={search.groupBy ?? ''}
          data-testid="compare-group-by"
          onChange={(event) => onChange({ groupBy: (event.target.value || undefined) as CompareSearch['groupBy'] })}
        >
          <option value="">{t('noGrouping')}</option>
          {DIMENSIONS.map((dimension) => (
            <option key={dimension} value={dimension}>
              {t(`dimensions.${dimension}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
