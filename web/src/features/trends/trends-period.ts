import { isLocalDate, periodInstants, type LocalDate } from '../../lib/local-dates';
import { lastDays } from './quick-ranges';

/** The URL's local dates (end inclusive), else the last `defaultDays` days; and the instants the api takes. */
export function trendsPeriod(search: { from?: string; to?: string }, timezone: string, defaultDays: number, now = Date.now()) {
  const fallback = lastDays(defaultDays, now, timezone);
  const dates: { from: LocalDate; to: LocalDate } = {
    from: isLocalDate(search.from) ? search.from : fallback.from,
    to: isLocalDate(search.to) ? search.to : fallback.to,
  };
  return { dates, instants: periodInstants(dates.from, dates.to, timezone) };
}
