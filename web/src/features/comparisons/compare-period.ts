import { addDays, isLocalDate, localDateOf, periodInstants, startOfLocalDate, toRfc3339, type LocalDate } from '../../lib/local-dates';
import type { CompareSearch } from '../../routes/compare';
import { quickPeriod } from './quick-periods';

type Dates = { from: LocalDate; to: LocalDate };

/** Local dates for the date pickers: the URL's, else yesterday (a whole day against the whole day before). */
export function shownPeriod(search: Pick<CompareSearch, 'from' | 'to'>, timezone: string, now = Date.now()): Dates {
  return localDates(search.from, search.to, timezone, quickPeriod('yesterday', now, timezone));
}

/** The custom baseline's dates: the URL's, else the same number of days just before the period. */
export function shownBaseline(search: CompareSearch, timezone: string, now = Date.now()): Dates {
  const { from, to } = shownPeriod(search, timezone, now);
  const days = Math.round((startOfLocalDate(addDays(to, 1), timezone) - startOfLocalDate(from, timezone)) / 86_400_000);
  return localDates(search.againstFrom, search.againstTo, timezone, { from: addDays(from, -days), to: addDays(from, -1) });
}

/** What GET /metrics/compare is asked: every choice of the URL, periods as RFC 3339 instants with offset. */
export function compareQuery(search: CompareSearch, timezone: string, now = Date.now()) {
  const current = apiPeriod(search.from, search.to, shownPeriod(search, timezone, now), timezone);
  const custom =
    search.against === 'custom'
      ? apiPeriod(search.againstFrom, search.againstTo, shownBaseline(search, timezone, now), timezone)
      : undefined;
  return {
    ...current,
    against: search.against,
    againstFrom: custom?.from,
    againstTo: custom?.to,
    groupBy: search.groupBy,
    queue: search.queue,
    team: search.team,
    agent: search.agent,
    category: search.category,
    tenant: search.tenant,
  };
}

/** The URL keeps local dates; a link may also carry RFC 3339 instants (e.g. copied from the api), which go to the api unchanged. */
function apiPeriod(from: string | undefined, to: string | undefined, dates: Dates, timezone: string) {
  const instants = periodInstants(dates.from, dates.to, timezone);
  return { from: isInstant(from) ? from : instants.from, to: isInstant(to) ? to : instants.to };
}

function localDates(from: string | undefined, to: string | undefined, timezone: string, fallback: Dates): Dates {
  return { from: asLocalDate(from, timezone, false) ?? fallback.from, to: asLocalDate(to, timezone, true) ?? fallback.to };
}

function isInstant(value: string | undefined): value is string {
  return value !== undefined && value.includes('T') && !Number.isNaN(Date.parse(value));
}

function asLocalDate(value: string | undefined, timezone: string, exclusiveEnd: boolean): LocalDate | undefined {
  if (isLocalDate(value)) return value;
  if (!isInstant(value)) return undefined;
  const instant = Date.parse(value);
  // An exclusive end at local midnight is the day before's last moment, as a date picker shows it.
  const atMidnight = toRfc3339(instant, timezone).includes('T00:00:00');
  return localDateOf(exclusiveEnd && atMidnight ? instant - 1 : instant, timezone);
}
