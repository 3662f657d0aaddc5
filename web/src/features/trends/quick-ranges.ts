import { addDays, localDateOf, type LocalDate } from '../../lib/local-dates';

export const LAST_DAYS = [7, 30, 90, 365] as const;

/** The last n days up to and including today in the centre calendar. */
export function lastDays(days: number, now: number, timezone: string): { from: LocalDate; to: LocalDate } {
  const today = localDateOf(now, timezone);
  return { from: addDays(today, 1 - days), to: today };
}
