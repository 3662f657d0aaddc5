import type { Settings } from '../settings/settings.schema';
import type { SqlSettings } from './metrics.repository';

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
