import type { CompareResponseDto } from '@callboard/api';
import { useTranslation } from 'react-i18next';
import { MetricInfo } from '../../../components/metric-info';
import { useFormat } from '../../../lib/format';
import { formatMetric, METRIC_INPUTS, type MetricName } from '../../../lib/metrics';
import { formatDelta, formatRelative, type Change } from '../change-format';
import { metricsByGroup } from '../metric-groups';
import { Verdict } from './verdict';

/** Every metric, grouped, with both values, the change and whether it is better. */
export function CompareTable({ comparison }: { comparison: Pick<CompareResponseDto, 'changes' | 'current'> }) {
  const { t } = useTranslation(['compare', 'metrics']);
  const format = useFormat();
  const changes = comparison.changes as Record<string, Change | undefined>;
  const figures = comparison.current.totals as Partial<Record<MetricName, number | null>>;
  return (
    <table className="data compare-table" data-testid="compare-table">
      <caption className="visually-hidden">{t('compare:tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('compare:columns.metric')}</th>
          <th scope="col">{t('compare:columns.current')}</th>
          <th scope="col">{t('compare:columns.baseline')}</th>
          <th scope="col">{t('compare:columns.delta')}</th>
          <th scope="col">{t('compare:columns.relative')}</th>
          <th scope="col">{t('compare:columns.better')}</th>
        </tr>
      </thead>
      {metricsByGroup().map(({ group, metrics }) => (
        <tbody key={group}>
          <tr className="compare-group">
            <th scope="rowgroup" colSpan={6}>
              {t(`compare:groups.${group}`)}
            </th>
          </tr>
          {metrics.map((name) => {
            const change = changes[name];
            return (
              <tr key={name} data-testid={`compare-row-${name}`}>
                <th scope="row">
                  {t(`metrics:labels.${name}`)}
                  {METRIC_INPUTS[name] && <MetricInfo metric={name} figures={figures} />}
                </th>
                <td data-testid="compare-current">{formatMetric(format, name, change?.current)}</td>
                <td data-testid="compare-baseline">{formatMetric(format, name, change?.baseline)}</td>
                <td data-testid="compare-delta">{formatDelta(format, t, name, change?.delta ?? null)}</td>
                <td data-testid="compare-relative">{formatRelative(format, change?.relative ?? null)}</td>
                <td data-testid="compare-better">
                  <Verdict change={change} />
                </td>
              </tr>
            );
          })}
        </tbody>
      ))}
    </table>
  );
}
