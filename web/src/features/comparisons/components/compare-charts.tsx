import type { CompareResponseDto } from '@callboard/api';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../../lib/format';
import { formatMetric, type MetricName } from '../../../lib/metrics';
import type { Change } from '../change-format';
import { KEY_RATES, KEY_VOLUMES } from '../metric-groups';

/** Current beside baseline: the key rates (as %) and the volumes. Takes the comparison, never fetches. */
export function CompareCharts({ comparison }: { comparison: Pick<CompareResponseDto, 'changes'> }) {
  const { t } = useTranslation('compare');
  return (
    <div className="compare-charts" data-testid="compare-chart">
      <CurrentVsBaseline title={t('charts.rates')} metrics={KEY_RATES} changes={comparison.changes} asPercent />
      <CurrentVsBaseline title={t('charts.volumes')} metrics={KEY_VOLUMES} changes={comparison.changes} />
    </div>
  );
}

function CurrentVsBaseline(props: { title: string; metrics: MetricName[]; changes: CompareResponseDto['changes']; asPercent?: boolean }) {
  const { t } = useTranslation(['compare', 'metrics']);
  const format = useFormat();
  const changes = props.changes as Record<string, Change | undefined>;
  const scale = (value: number | null | undefined) =>
    value === null || value === undefined ? null : props.asPercent ? value * 100 : value;
  const data = props.metrics.map((name) => ({
    name,
    label: t(`compare:charts.short.${name}`, { defaultValue: t(`metrics:labels.${name}`) }),
    current: scale(changes[name]?.current),
    baseline: scale(changes[name]?.baseline),
  }));
  return (
    <figure className="panel compare-chart">
      <figcaption>{props.title}</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval={0} tick={{ fontSize: 12 }} />
          <YAxis unit={props.asPercent ? '%' : undefined} domain={props.asPercent ? [0, 100] : [0, 'auto']} />
          <Tooltip
            formatter={(value, _series, item) => {
              const name = (item.payload as { name: MetricName }).name;
              const raw = typeof value === 'number' ? (props.asPercent ? value / 100 : value) : null;
              return formatMetric(format, name, raw);
            }}
          />
          <Legend />
          <Bar dataKey="current" name={t('compare:currentPeriod')} fill="var(--accent)" />
          <Bar dataKey="baseline" name={t('compare:baselinePeriod')} fill="#9ca3af" />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
