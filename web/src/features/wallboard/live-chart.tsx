import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../lib/format';
import type { IntervalPoint } from './hooks/use-last-hour';

// Readable on the light page and on the dark kiosk alike.
const COLOURS = { offered: '#60a5fa', answered: '#22c55e', abandoned: '#f87171', serviceLevel: '#facc15' } as const;

/** The bucket key is its local start in the centre's timezone ("…T09:05:00+08:00"): its hh:mm is the label. */
const bucketLabel = (bucket: string) => bucket.slice(11, 16);

interface LiveChartProps {
  points: readonly IntervalPoint[];
  serviceLevelTarget?: number;
  height?: number;
}

/** Offered, answered and abandoned per 5 minutes over the last hour, with the service level line. */
export function LiveChart({ points, serviceLevelTarget, height = 260 }: LiveChartProps) {
  const { t } = useTranslation('wallboard');
  const format = useFormat();
  const label = (key: keyof typeof COLOURS) => t(`chart.${key}`);
  return (
    <figure className="wallboard-chart" data-testid="live-chart">
      <figcaption className="wallboard-chart-title">{t('chart.title')}</figcaption>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={[...points]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
          <XAxis dataKey="bucket" tickFormatter={bucketLabel} stroke="currentColor" />
          <YAxis yAxisId="calls" allowDecimals={false} stroke="currentColor" width={40} />
          <YAxis
            yAxisId="serviceLevel"
            orientation="right"
            domain={[0, 1]}
            tickFormatter={(value: number) => format.percent(value, 0)}
            stroke="currentColor"
            width={48}
          />
          <Tooltip
            labelFormatter={(bucket) => bucketLabel(String(bucket))}
            formatter={(value, name) => [
              name === label('serviceLevel') ? format.percent(value as number | null) : format.count(value as number),
              name,
            ]}
            contentStyle={{ background: 'var(--panel)', color: 'var(--text)' }}
          />
          <Legend />
          <Bar yAxisId="calls" dataKey="offered" name={label('offered')} fill={COLOURS.offered} isAnimationActive={false} />
          <Bar yAxisId="calls" dataKey="answered" name={label('answered')} fill={COLOURS.answered} isAnimationActive={false} />
          <Bar yAxisId="calls" dataKey="abandoned" name={label('abandoned')} fill={COLOURS.abandoned} isAnimationActive={false} />
          {serviceLevelTarget !== undefined && (
            <ReferenceLine yAxisId="serviceLevel" y={serviceLevelTarget} stroke={COLOURS.serviceLevel} strokeDasharray="6 4" />
          )}
          <Line
            yAxisId="serviceLevel"
            dataKey="serviceLevel"
            name={label('serviceLevel')}
            stroke={COLOURS.serviceLevel}
            strokeWidth={3}
            connectNulls
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
      <table className="visually-hidden">
        <caption>{t('chart.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.time')}</th>
            {(Object.keys(COLOURS) as Array<keyof typeof COLOURS>).map((key) => (
              <th key={key} scope="col">
                {label(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.bucket}>
              <th scope="row">{bucketLabel(point.bucket)}</th>
              <td>{format.count(point.offered)}</td>
              <td>{format.count(point.answered)}</td>
              <td>{format.count(point.abandoned)}</td>
              <td>{format.percent(point.serviceLevel)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
