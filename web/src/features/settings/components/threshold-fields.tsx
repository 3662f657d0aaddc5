import { useTranslation } from 'react-i18next';
import { BandIndicator } from '../../../components/band-indicator';
import { MetricInfo } from '../../../components/metric-info';
import { METRIC_NAMES, type MetricName } from '../../../lib/metrics';
import { THRESHOLDS, type SettingsFormValues, type ThresholdMetric } from '../settings-values';
import { FieldProblems, problemsOf, type ProblemsByField } from './field-problems';

const isMetricName = (metric: string): metric is MetricName => (METRIC_NAMES as readonly string[]).includes(metric);

/** Amber and red per watched figure, with which way each one turns. */
export function ThresholdFields(props: {
  values: SettingsFormValues['thresholds'];
  defaults?: SettingsFormValues['thresholds'];
  problems: ProblemsByField;
  onChange: (metric: ThresholdMetric, band: { amber: string; red: string }) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation('settings');
  const { t: metrics } = useTranslation('metrics');
  return (
    <fieldset className="settings-section">
      <legend>{t('thresholds.legend')}</legend>
      <p className="settings-help">{t('thresholds.explain')}</p>
      <table className="data thresholds-table">
        <thead>
          <tr>
            <th scope="col">{t('thresholds.metric')}</th>
            <th scope="col">{t('thresholds.direction')}</th>
            <th scope="col">
              <BandIndicator band="amber" /> {t('thresholds.amber')}
            </th>
            <th scope="col">
              <BandIndicator band="red" /> {t('thresholds.red')}
            </th>
          </tr>
        </thead>
        <tbody>
          {THRESHOLDS.map(({ metric, better, unit }) => {
            const label = isMetricName(metric) ? metrics(`labels.${metric}`) : t(`liveMetrics.${metric}`);
            const band = props.values[metric];
            const byDefault = props.defaults?.[metric];
            const problems = problemsOf(props.problems, `thresholds.${metric}`, true);
            const problemId = `threshold-${metric}-problem`;
            const input = (level: 'amber' | 'red') => (
              <span className="threshold-input">
                <input
                  type="number"
                  step="any"
                  value={band[level]}
                  disabled={props.disabled}
                  aria-label={t(`thresholds.${level}For`, { metric: label })}
                  aria-invalid={problems.length > 0}
                  aria-describedby={problemId}
                  onChange={(event) => props.onChange(metric, { ...band, [level]: event.target.value })}
                />
                <span className="settings-unit">{t(`units.${unit}`)}</span>
                {byDefault && byDefault[level] !== band[level] && (
                  <span className="settings-default">{t('queue.defaultValue', { value: byDefault[level] })}</span>
                )}
              </span>
            );
            return (
              <tr key={metric}>
                <th scope="row">
                  {label} {isMetricName(metric) && <MetricInfo metric={metric} />}
                  <FieldProblems id={problemId} problems={problems} />
                </th>
                <td className="threshold-direction">{t(`thresholds.${better}IsBetter`)}</td>
                <td>{input('amber')}</td>
                <td>{input('red')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
