import type { Settings } from '../settings/settings.schema';
import { toDateTime64 } from '@callboard/ingest';
import type { SqlSettings } from './metrics.repository';

// A leg's events are read up to this long after, and a call's first leg this long before, the period.
export const CALL_SPAN_MS = 48 * 3_600_000;

/** Settings in the shape the metrics SQL binds: parallel arrays per queue plus defaults, in ms. */
export function toSqlSettings(settings: Settings): SqlSettings {
  const queues = Object.entries(settings.queues);
  return {
    queues: queues.map(([queue]) => queue),
    serviceLevelMs: queues.map(([, queue]) => queue.serviceLevelSeconds * 1000),
    shortAbandonMs: queues.map(([, queue]) => queue.shortAbandonSeconds * 1000),
    fcrWindowMs: queues.map(([, queue]) => queue.fcrWindowHours * 3_600_000),
    fcrSameCategoryOnly: queues.map(([, queue]) => Number(queue.fcrSameCategoryOnly)),
    defaults: {
      serviceLevelMs: settings.defaults.serviceLevelSeconds * 1000,
      shortAbandonMs: settings.defaults.shortAbandonSeconds * 1000,
      fcrWindowMs: settings.defaults.fcrWindowHours * 3_600_000,
      fcrSameCategoryOnly: Number(settings.defaults.fcrSameCategoryOnly),
    },
  };
}

/** Bound parameters for the fact CTEs over [from, to): the scanned range, `now`, and every per-queue setting. */
export function factParameters(settings: SqlSettings, period: { from: number; to: number; now: number }): Record<string, unknown> {
  const longestWindowMs = Math.max(settings.defaults.fcrWindowMs, ...settings.fcrWindowMs);
  return {
    from: toDateTime64(period.from),
    to: toDateTime64(period.to),
    scanFrom: toDateTime64(period.from - CALL_SPAN_MS),
    scanTo: toDateTime64(period.to + longestWindowMs + CALL_SPAN_MS),
    now: toDateTime64(period.now),
    settingQueues: settings.queues,
    serviceLevelMs: settings.serviceLevelMs,
    serviceLevelMsDefault: settings.defaults.serviceLevelMs,
    shortAbandonMs: settings.shortAbandonMs,
    shortAbandonMsDefault: settings.defaults.shortAbandonMs,
    fcrWindowMs: settings.fcrWindowMs,
    fcrWindowMsDefault: settings.defaults.fcrWindowMs,
    fcrSameCategoryOnly: settings.fcrSameCategoryOnly,
    fcrSameCategoryOnlyDefault: settings.defaults.fcrSameCategoryOnly,
  };
}
