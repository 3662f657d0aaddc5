import { addDays, addMonths, isoWeekday, localDateOf, type LocalDate } from '../../lib/local-dates';

export const QUICK_PERIODS = ['today', 'yesterday', 'thisWeek', 'lastWeek', 'thisMonth', 'lastMonth'] as const;
export type QuickPeriod = (typeof QUICK_PERIODS)[number];

/**
 * A quick pick as inclusive local dates in the centre timezone. Weeks start on Monday, as the
 * api's week buckets do; "this week" and "this month" are whole calendar units, so "previous"
 * sets them beside the whole unit before.
 */
export function quickPeriod(pick: QuickPeriod, now: number, timezone: string): { from: LocalDate; to: LocalDate } {
  const today = localDateOf(now, timezone);
  const monday = addDays(today, 1 - isoWeekday(today));
  const firstOfMonth = addMonths(today, 0);
  switch (pick) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday':
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case 'thisWeek':
      return { from: monday, to: addDays(monday, 6) };
    case 'lastWeek':
      return { from: addDays(monday, -7), to: addDays(monday, -1) };
    case 'thisMonth':
      return { from: firstOfMonth, to: addDays(addMonths(today, 1), -1) };
    case 'lastMonth':
      return { from: addMonths(today, -1), to: addDays(firstOfMonth, -1) };
  }
}
