import { DateTime, IANAZone } from 'luxon';

/** One calendar day in the centre's timezone: the unit the simulation is deterministic in. */
export interface LocalDay {
  /** "2026-11-22" */
  key: string;
  zone: string;
  /** Epoch ms of local midnight, and of the next one (23 or 25 h later across a DST change). */
  start: number;
  end: number;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
}

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

export function localDayOf(epochMs: number, zone: string): LocalDay {
  return dayStartingAt(DateTime.fromMillis(epochMs, { zone }).startOf('day'), zone);
}

export function localDayFromKey(key: string, zone: string): LocalDay {
  const start = DateTime.fromISO(key, { zone });
  if (!start.isValid) throw new Error(`not a date: ${key}`);
  return dayStartingAt(start.startOf('day'), zone);
}

export function shiftDay(day: LocalDay, days: number): LocalDay {
  return dayStartingAt(DateTime.fromMillis(day.start, { zone: day.zone }).plus({ days }), day.zone);
}

/** The days whose hours overlap [from, to), in order. */
export function daysOverlapping(from: number, to: number, zone: string): LocalDay[] {
  const days: LocalDay[] = [];
  for (let day = localDayOf(from, zone); day.start < to; day = shiftDay(day, 1)) days.push(day);
  return days;
}

/** Epoch ms of a local "HH:MM" on the day; hours past 23 run into the next day. */
export function localTime(day: LocalDay, hoursAndMinutes: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hoursAndMinutes);
  if (!match) throw new Error(`expected HH:MM, got "${hoursAndMinutes}"`);
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  const base = DateTime.fromMillis(day.start, { zone: day.zone });
  return base
    .plus({ days: Math.floor(hours / 24) })
    .set({ hour: hours % 24, minute: minutes })
    .toMillis();
}

/** The day's clock hours, each with its local hour number (a DST day has 23 or 25). */
export function hoursOf(day: LocalDay): Array<{ start: number; end: number; hour: number }> {
  const hours = [];
  for (let start = day.start; start < day.end; start += 3_600_000) {
    const end = Math.min(start + 3_600_000, day.end);
    hours.push({ start, end, hour: DateTime.fromMillis(start, { zone: day.zone }).hour });
  }
  return hours;
}

function dayStartingAt(start: DateTime, zone: string): LocalDay {
  return {
    key: start.toISODate()!,
    zone,
    start: start.toMillis(),
    end: start.plus({ days: 1 }).toMillis(),
    weekday: start.weekday,
  };
}
