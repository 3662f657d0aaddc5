import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallsSearch } from '../../routes/calls';
import { useFormat } from '../../lib/format';
import { useCentreTimezone } from '../../lib/centre-timezone';
import { instantParam, todayIn } from './centre-time';
import { CallsFilters } from './components/calls-filters';
import { CallsTable } from './components/calls-table';
import { useCalls } from './hooks/use-calls';
import './calls.css';

/** The calls behind a figure: filters in the URL (default today), newest first, a page at a time. */
export function CallsPage({ search, onChange }: { search: CallsSearch; onChange: (next: Partial<CallsSearch>) => void }) {
  const { t } = useTranslation('calls');
  const { t: common } = useTranslation();
  const format = useFormat();
  const { timezone: zone, error: timezoneError } = useCentreTimezone(search.tenant);
  const period = useMemo(() => {
    if (!zone) return undefined;
    const today = todayIn(zone);
    return { from: instantParam(search.from) ?? today.from, to: instantParam(search.to) ?? today.to };
  }, [zone, search.from, search.to]);
  const calls = useCalls(search, period);
  const rows = calls.data?.pages.flatMap((page) => page.calls) ?? [];

  return (
    <section className="calls-page" data-testid="calls-page">
      <h1>{t('title')}</h1>
      {timezoneError && <p role="alert">{common('error', { message: timezoneError.message })}</p>}
      {zone && period && (
        <>
          <CallsFilters key={JSON.stringify(search) + zone} search={search} period={period} timezone={zone} onChange={onChange} />
          <p className="calls-period">
            {t('period', {
              from: format.dateTime(period.from, zone, 'short'),
              to: format.dateTime(period.to, zone, 'short'),
              timezone: zone,
            })}
          </p>
        </>
      )}
      {calls.error && <p role="alert">{common('error', { message: calls.error.message })}</p>}
      {calls.isPending && !timezoneError && !calls.error && <p>{common('loading')}</p>}
      {calls.data && zone && (
        <>
          {rows.length === 0 ? (
            <p className="panel">{t('empty')}</p>
          ) : (
            <div className="panel calls-table-wrap">
              <CallsTable calls={rows} timezone={zone} tenant={search.tenant} />
            </div>
          )}
          <p className="calls-more" aria-live="polite">
            {rows.length > 0 && t('shown', { count: rows.length })}{' '}
            {calls.hasNextPage && (
              <button type="button" onClick={() => void calls.fetchNextPage()} disabled={calls.isFetchingNextPage}>
                {calls.isFetchingNextPage ? common('loading') : t('more')}
              </button>
            )}
          </p>
        </>
      )}
    </section>
  );
}
