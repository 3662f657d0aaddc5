import type { CompareResponseDto } from '@callboard/api';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import { formatMetric } from '../../../lib/metrics';
import type { Dimension } from '../../../lib/dimension-keys';
import { formatDelta, type Change } from '../change-format';
import { GROUP_TABLE_METRICS } from '../metric-groups';
import { Verdict } from './verdict';
import { useGroupLabel } from '../../../lib/group-label';

/** With groupBy: each queue, team, agent or category, current and change of the key metrics. */
export function GroupCompareTable({ groups, groupBy }: { groups: NonNullable<CompareResponseDto['groups']>; groupBy: Dimension }) {
  const { t } = useTranslation(['compare', 'metrics']);
  const format = useFormat();
  const label = useGroupLabel(groupBy, 'compare');
  const sorted = [...groups].sort((a, b) => (b.current.offered ?? 0) - (a.current.offered ?? 0));
  return (
    <div className="table-scroll">
      <table className="data group-compare-table" data-testid="compare-groups">
        <caption>{t('compare:groupsCaption', { dimension: t(`compare:dimensions.${groupBy}`) })}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t(`compare:dimensions.${groupBy}`)}
            </th>
            {GROUP_TABLE_METRICS.map((name) => (
              <th key={name} scope="colgroup" colSpan={2}>
                {t(`metrics:labels.${name}`)}
              </th>
            ))}
          </tr>
          <tr>
            {GROUP_TABLE_METRICS.flatMap((name) => [
              <th key={`${name}-current`} scope="col">
                {t('compare:columns.current')}
              </th>,
              <th key={`${name}-change`} scope="col">
                {t('compare:columns.delta')}
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {sorted.map((group) => {
            const key = group.key[groupBy] ?? null;
            const changes = group.changes as Record<string, Change | undefined>;
            return (
              <tr key={key ?? '∅'} data-testid={`compare-group-${key ?? 'none'}`}>
                <th scope="row">{label(key)}</th>
                {GROUP_TABLE_METRICS.flatMap((name) => [
                  <td key={`${name}-current`}>{formatMetric(format, name, changes[name]?.current)}</td>,
                  <td key={`${name}-change`} className="group-change">
                    {formatDelta(format, t, name, changes[name]?.delta ?? null)} <Verdict change={changes[name]} />
                  </td>,
                ])}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
