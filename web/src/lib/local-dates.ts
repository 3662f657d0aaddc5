/**
 * Calendar dates in the centre's timezone, and the RFC 3339 instants the api takes. Pages keep
 * local dates (YYYY-MM-DD, the end date inclusive, as a date picker shows them) in their URL and
 * turn them into half-open instants [from 00:00, day after `to` 00:00) for the api.
 */
export type LocalDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const partsFormats = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: number, timezone: string) {
  let format = partsFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(timezone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']),
    minute: Number(parts['minute']),
    second: Number(parts['second']),
  };
}

/** Minutes the timezone is ahead of UTC at this instant (+480 in Shanghai). */
export function offsetMinutes(instant: number, timezone: string): number {
  const wall = wallClock(instant, timezone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((wallAsUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

export function isLocalDate(text: string | undefined): text is LocalDate {
  return text !== undefined && DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

export function localDateOf(instant: number, timezone: string): LocalDate {
  const { year, month, day } = wallClock(instant, timezone);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The instant a local date starts (its first local moment, even on a DST day). */
export function startOfLocalDate(date: LocalDate, timezone: string): number {
  const [, year, month, day] = DATE.exec(date)!.map(Number) as [number, number, number, number];
  const wall = Date.UTC(year, month - 1, day);
  const guess = wall - offsetMinutes(wall, timezone) * 60_000;
  return wall - offsetMinutes(guess, timezone) * 60_000;
}

/** An instant as RFC 3339 with the timezone's offset, e.g. 2026-11-22T00:00:00+08:00. */
export function toRfc3339(instant: number, timezone: string): string {
  const wall = wallClock(instant, timezone);
  const offset = offsetMinutes(instant, timezone);
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${zone}`;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [, year, month, day] = DATE.exec(date)!.map(Number) as [number, number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function addMonths(date: LocalDate, months: number): LocalDate {
  const [, year, month] = DATE.exec(date)!.map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1 + months, 1)).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

/** The half-open instants [from, to) the api takes for inclusive local dates. */
export function periodInstants(from: LocalDate, to: LocalDate, timezone: string): { from: string; to: string } {
  return {
    from: toRfc3339(startOfLocalDate(from, timezone), timezone),
    to: toRfc3339(startOfLocalDate(addDays(to, 1), timezone), timezone),
  };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
