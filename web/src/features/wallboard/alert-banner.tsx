import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '@callboard/api';
import { BandIndicator } from '../../components/band-indicator';
import { useFormat } from '../../lib/format';
import { formatFigure } from './figures';
import { useNow } from './hooks/use-now';

/** How long a crossing stays on screen: a kiosk has nobody to dismiss it. */
export const ALERT_SHOWN_MS = { normal: 5 * 60_000, kiosk: 60_000 } as const;
const MAX_SHOWN = 3;

interface AlertBannerProps {
  /** Newest first, as useLiveFeed keeps them. */
  alerts: readonly Alert[];
  kiosk?: boolean;
  clockOffsetMs?: number;
}

/** The latest figures that crossed into a worse band in the last few minutes. */
export function AlertBanner({ alerts, kiosk = false, clockOffsetMs = 0 }: AlertBannerProps) {
  const { t } = useTranslation('wallboard');
  const format = useFormat();
  const now = useNow(clockOffsetMs);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const shown = alertsToShow(alerts, now, kiosk ? ALERT_SHOWN_MS.kiosk : ALERT_SHOWN_MS.normal).filter((alert) => !dismissed.has(alert.id));
  if (shown.length === 0) return null;
  const dismiss = (ids: string[]) => setDismissed((current) => new Set([...current, ...ids]));
  return (
    <section
      className="wallboard-alerts"
      role="alert"
      data-testid="alert-banner"
      aria-label={t('alerts.title')}
      onKeyDown={(event) => !kiosk && event.key === 'Escape' && dismiss(shown.map((alert) => alert.id))}
    >
      <ul>
        {shown.slice(0, MAX_SHOWN).map((alert) => (
          <li key={alert.id} className={`wallboard-alert wallboard-alert-${alert.level}`}>
            <BandIndicator band={alert.level} />
            <span className="wallboard-alert-text">
              {t('alerts.crossed', {
                queue: alert.queue,
                metric: t(`figures.${alert.metric}`),
                level: t(`common:bands.${alert.level}`),
                value: formatFigure(format, alert.metric, alert.value),
              })}
            </span>
            {!kiosk && (
              <button type="button" className="wallboard-alert-dismiss" onClick={() => dismiss([alert.id])}>
                {t('alerts.dismiss')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Worse crossings of the last `withinMs`, newest first, and only while they are each figure's
 * latest crossing: a figure that has since come back (a 'better' alert) is no longer shown.
 */
export function alertsToShow(alerts: readonly Alert[], now: number, withinMs: number): Alert[] {
  const latest = new Map<string, Alert>();
  for (const alert of alerts) {
    const key = `${alert.queue}\u0000${alert.metric}`;
    const seen = latest.get(key);
    if (!seen || Date.parse(alert.at) > Date.parse(seen.at)) latest.set(key, alert);
  }
  return [...latest.values()]
    .filter((alert) => alert.direction === 'worse' && now - Date.parse(alert.at) <= withinMs)
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
