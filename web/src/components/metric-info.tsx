import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format';
import { formatMetric, METRIC_INPUTS, type MetricName } from '../lib/metrics';

/**
 * "How is this computed": a button beside a figure that opens its METRICS.md definition and the
 * counts it was computed from (when given), so every rate explains itself.
 */
export function MetricInfo({ metric, figures }: { metric: MetricName; figures?: Partial<Record<MetricName, number | null>> }) {
  const { t } = useTranslation('metrics');
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const id = useId();
  const inputs = METRIC_INPUTS[metric] ?? [];
  return (
    <span className="metric-info">
      <button
        type="button"
        className="metric-info-button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={t('explain', { metric: t(`labels.${metric}`) })}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
      >
        ⓘ
      </button>
      {open && (
        <span id={id} role="note" className="metric-info-panel">
          <strong>{t(`labels.${metric}`)}</strong>
          <span className="metric-info-definition">{t(`definitions.${metric}`)}</span>
          {figures && inputs.length > 0 && (
            <span className="metric-info-inputs">
              {t('computedFrom')}{' '}
              {inputs.map((input) => `${t(`labels.${input}`)} ${formatMetric(format, input, figures[input])}`).join(' · ')}
            </span>
          )}
        </span>
      )}
    </span>
  );
}
