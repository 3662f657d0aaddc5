import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../../lib/format';
import { formatMetric, metricKind, type MetricName } from '../../../lib/metrics';
import { bucketLabel, type Bucket } from '../bucket-label';

// Dashes as well as colours, so lines stay apart in greyscale and for colour-blind readers.
const COLOURS = ['#1d4ed8', '#b45309', '#15803d', '#b91c1c', '#7c3aed', '#0e7490', '#be185d', '#4d7c0f', '#9a3412', '#374151'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '4 4', '1 2', '10 4', '3 3 1 3', '6 2 2 2', '12 3'];

export interface ChartSeries {
  id: string;
  label: string;
}

/** One line per series over the buckets; a click on a point opens the calls behind it. Takes data, never fetches. */
export function TrendsChart(props: {
  metric: MetricName;
  bucket: Bucket;
  timezone: string;
  series: ChartSeries[];
  rows: Array<{ bucket: string } & Record<string, number | null | string>>;
  onPoint: (bucketIndex: number, seriesId: string) => void;
}) {
  const { t } = useTranslation(['trends', 'metrics']);
  const format = useFormat();
  const kind = metricKind(props.metric);
  const tick = (value: number) => (kind === 'ratio' ? format.percent(value, 0) : formatMetric(format, props.metric, value));
  return (
    <figure className="panel trends-chart" data-testid="trends-chart">
      <figcaption>{t('chartCaption', { metric: t(`metrics:labels.${props.metric}`) })}</figcaption>
      <ResponsiveContainer width="100%" height={360}>
        <LineChart data={props.rows} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="bucket"
            tickFormatter={(bucket: string) => bucketLabel(format, props.bucket, bucket, props.timezone)}
            minTickGap={24}
          />
          <YAxis tickFormatter={tick} width={72} domain={kind === 'ratio' ? [0, 1] : [0, 'auto']} />
          <Tooltip
            labelFormatter={(bucket) => bucketLabel(format, props.bucket, String(bucket), props.timezone)}
            formatter={(value) => formatMetric(format, props.metric, typeof value === 'number' ? value : null)}
          />
          <Legend />
          {props.series.map((one, index) => (
            <Line
              key={one.id}
              dataKey={one.id}
              name={one.label}
              stroke={COLOURS[index % COLOURS.length]}
              strokeDasharray={DASHES[index % DASHES.length]}
              strokeWidth={2}
              dot={props.rows.length <= 60}
              connectNulls={false}
              isAnimationActive={false}
              activeDot={{
                r: 6,
                cursor: 'pointer',
                onClick: (_event: unknown, dot: unknown) => {
                  const index = (dot as { index?: number }).index;
                  if (typeof index === 'number') props.onPoint(index, one.id);
                },
              }}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
