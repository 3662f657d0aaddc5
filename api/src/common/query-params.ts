import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { parseRfc3339 } from '@callboard/ingest';

/** The longest period one query may cover: a year and a day, enough for this year against last. */
export const MAX_PERIOD_DAYS = 367;

// No event is older (EVENTS.md) and ClickHouse's DateTime64 ends in 2299: instants outside are refused, not queried.
const EARLIEST_INSTANT = Date.UTC(1970, 0, 1);
const LATEST_INSTANT = Date.UTC(2200, 0, 1);

/** An RFC 3339 instant with offset, as epoch milliseconds. */
export const instantParam = z
  .string()
  .transform((text, context) => {
    // An unencoded '+' in a query string arrives as a space: "…T00:00:00 08:00" means +08:00.
    const millis = parseRfc3339(text.replace(/ (\d{2}:\d{2})$/, '+$1'));
    if (millis === undefined) {
      context.addIssue({ code: 'custom', message: `'${text}' is not an RFC 3339 time with offset, e.g. 2026-11-22T00:00:00+08:00` });
      return z.NEVER;
    }
    if (millis < EARLIEST_INSTANT || millis >= LATEST_INSTANT) {
      context.addIssue({ code: 'custom', message: `'${text}' is not between 1970-01-01 and 2200-01-01` });
      return z.NEVER;
    }
    return millis;
  })
  .describe('RFC 3339 time with offset, e.g. 2026-11-22T00:00:00+08:00');

export const timezoneParam = z
  .string()
  .refine((zone) => IANAZone.isValidZone(zone), { message: 'is not an IANA timezone, e.g. Asia/Shanghai' })
  .describe('IANA timezone for buckets and "today"; default the centre timezone (settings)');

/** A repeatable filter: `?queue=a&queue=b`. */
const repeatable = (description: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.string().min(1).max(128)).max(200))
    .describe(description);

export const filterParams = {
  queue: repeatable('only these queues (repeatable)'),
  agent: repeatable('only legs answered by, and calls wrapped up by, these agents (repeatable)'),
  team: repeatable("only these agents' teams (repeatable)"),
  category: repeatable('only calls of these categories (repeatable)'),
  tenant: z.string().min(1).max(64).default('default').describe('call centre / site; default "default"'),
};

export const periodParams = {
  from: instantParam.describe('period start (inclusive), RFC 3339 with offset'),
  to: instantParam.describe('period end (exclusive), RFC 3339 with offset'),
  tz: timezoneParam.optional(),
};

/** Checks `from < to` and the period's length, naming the parameter at fault. */
export function refinePeriod<T extends { from: number; to: number }>(
  value: T,
  context: z.RefinementCtx,
  names = { from: 'from', to: 'to' },
): void {
  if (value.to <= value.from) {
    context.addIssue({ code: 'custom', path: [names.to], message: `must be later than ${names.from}` });
  } else if (value.to - value.from > MAX_PERIOD_DAYS * 86_400_000) {
    context.addIssue({ code: 'custom', path: [names.to], message: `the period may span at most ${MAX_PERIOD_DAYS} days` });
  }
}

export interface Filters {
  queues: string[];
  agents: string[];
  teams: string[];
  categories: string[];
}

export function filtersOf(query: { queue: string[]; agent: string[]; team: string[]; category: string[] }): Filters {
  return { queues: query.queue, agents: query.agent, teams: query.team, categories: query.category };
}

/** An instant as RFC 3339 in `zone`, e.g. 2026-11-22T00:00:00+08:00 (milliseconds only when not zero). */
export function formatInstant(millis: number, zone: string): string {
  return DateTime.fromMillis(millis, { zone }).toISO({ suppressMilliseconds: true }) ?? new Date(millis).toISOString();
}
