import { InvalidArgumentError } from 'commander';
import { DateTime } from 'luxon';

/** `--seed`: an integer 0 – 2³¹−1. */
export function parseSeed(text: string): number {
  const seed = Number(text);
  if (!/^\d+$/.test(text) || seed > 2 ** 31 - 1) throw new InvalidArgumentError('expected an integer from 0 to 2147483647');
  return seed;
}

/** `--kafka`: comma-separated host:port list. */
export function parseBrokers(text: string): string[] {
  const brokers = text
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (brokers.length === 0 || brokers.some((broker) => !/^[^:\s]+:\d+$/.test(broker))) {
    throw new InvalidArgumentError('expected host:port[,host:port…], e.g. localhost:9092');
  }
  return brokers;
}

/** `--http`: the api's base URL, e.g. http://localhost:3000/api/v1. */
export function parseBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidArgumentError('expected a URL such as http://localhost:3000/api/v1');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidArgumentError('expected an http:// or https:// URL');
  return text.replace(/\/+$/, '');
}

/**
 * A moment for `--from` / `--to`: `now`, `Nd` (local midnight N days before today), a date
 * `YYYY-MM-DD` (its local midnight) or an ISO date-time (local unless it has an offset).
 */
export function parseMoment(text: string, zone: string, now: number): number {
  if (text === 'now') return now;
  const daysAgo = /^(\d{1,4})d$/.exec(text);
  if (daysAgo)
    return DateTime.fromMillis(now, { zone })
      .startOf('day')
      .minus({ days: Number(daysAgo[1]) })
      .toMillis();
  const moment = DateTime.fromISO(text, { zone });
  if (!moment.isValid) throw new Error(`"${text}" is not now, Nd (e.g. 30d), a date (2026-11-22) or an ISO date-time`);
  return moment.toMillis();
}
