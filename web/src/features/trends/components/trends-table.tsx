import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import { formatMetric, type MetricName } from '../../../lib/metrics';
import { bucketLabel, type Bucket } from '../bucket-label';
import type { ChartSeries } from './trends-chart';

/** The chart's points as a table; each figure links to the calls behind it. */
export function TrendsTable(props: {
  metric: MetricName;
  bucket: Bucket;
  timezone: string;
  series: ChartSeries[];
  rows: Array<{ bucket: string } & Record<string, number | null | string>>;
  linkTo: (bucketIndex: number, seriesId: string) => string | undefined;
}) {
  const { t } = useTranslation(['trends', 'metrics']);
  const format = useFormat();
  return (
    <div className="panel table-scroll trends-table-wrap">
      <table className="data" data-testid="trends-table">
        <caption className="visually-hidden">{t('tableCaption', { metric: t(`metrics:labels.${props.metric}`) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`buckets.${props.bucket}`)}</th>
            {props.series.map((one) => (
              <th key={one.id} scope="col">
                {one.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, index) => (
            <tr key={row.bucket}>
              <th scope="row">{bucketLabel(format, props.bucket, row.bucket, props.timezone)}</th>
              {props.series.map((one) => {
                const text = formatMetric(format, props.metric, row[one.id] as number | null);
                const to = props.linkTo(index, one.id);
                return (
                  <td key={one.id}>
                    {to ? (
                      <Link to={to} title={t('callsBehind')}>
                        {text}
                      </Link>
                    ) : (
                      text
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
