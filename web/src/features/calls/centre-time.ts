// Wall-clock times in the centre's timezone for the period inputs (datetime-local) and "today".
import { localDateOf, offsetMinutes, periodInstants, toRfc3339 } from '../../lib/local-dates';

/** `2026-11-22T09:00` (a datetime-local value) for an instant, in the zone. */
export function wallTime(instant: string | number, zone: string): string {
  return toRfc3339(typeof instant === 'number' ? instant : Date.parse(instant), zone).slice(0, 16);
}

/** The instant a wall time (`2026-11-22T09:00`) names in the zone, as RFC 3339 with its offset. */
export function instantOfWallTime(wall: string, zone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(wall);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Twice: the offset at the first guess may differ from the offset at the answer (DST).
  const guess = asUtc - offsetMinutes(asUtc, zone) * 60_000;
  return toRfc3339(asUtc - offsetMinutes(guess, zone) * 60_000, zone);
}

/** Today in the zone: [local midnight, next local midnight). */
export function todayIn(zone: string, now = Date.now()): { from: string; to: string } {
  const today = localDateOf(now, zone);
  return periodInstants(today, today, zone);
}

/** An instant from the URL, or undefined if it is none ("+08:00" arrives as " 08:00" when typed unencoded). */
export function instantParam(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const repaired = text.replace(/ (\d{2}:\d{2})$/, '+$1');
  return Number.isNaN(Date.parse(repaired)) ? undefined : repaired;
}
