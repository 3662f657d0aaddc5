import { useTranslation } from 'react-i18next';

/** Above this the wallboard says its figures lag behind: a batch or two of delay is normal, this is not. */
export const INGEST_LAG_SHOWN_AFTER_SECONDS = 10;

/**
 * "Data delayed by N s": the feed is live but events reach ClickHouse late (api/README.md "Ingest
 * lag"), so today's figures miss the last N seconds. Not the feed-delayed banner, which means
 * nothing arrives from the server at all (and makes this figure stale, so the page hides this one then).
 */
export function IngestLagBanner({ seconds }: { seconds: number | undefined }) {
  const { t } = useTranslation('wallboard');
  if (seconds === undefined || seconds <= INGEST_LAG_SHOWN_AFTER_SECONDS) return null;
  const whole = Math.round(seconds);
  return (
    <div className="wallboard-delayed" role="status" data-testid="ingest-lag" data-seconds={whole}>
      <span className="wallboard-delayed-icon" aria-hidden="true">
        ⚠
      </span>
      <strong>{t('ingestLag.title', { seconds: whole })}</strong>
      <span>{t('ingestLag.detail')}</span>
    </div>
  );
}
