import type { CallEventInput } from '../contract';
import { callsOfferedOn, drawEpisodes, type PlannedCall } from './arrivals';
import { simulateDay } from './day-simulation';
import { EventLog, type TimedEvent } from './event-log';
import { daysOverlapping, shiftDay, type LocalDay } from './local-day';
import type { CentreProfile } from './profile';
import { createTimestampFormatter } from './timestamps';

export interface TimelineSettings {
  seed: number;
  zone: string;
  profile: CentreProfile;
  tenant: string | undefined;
}

/** Simulated days kept in memory: the day being played and the one before it are all that is reread. */
const CACHED_DAYS = 3;
/** A day's calls include repeats of episodes from the 7 days before it. */
const CACHED_EPISODE_DAYS = 9;

/**
 * The simulated centre's events in time order, for any window. The events whose `ts` falls on
 * local day D are the simulation of D plus the spill-over of D − 1 (calls running past
 * midnight), so they depend only on (seed, profile, D).
 */
export class Timeline {
  private readonly simulated = new Map<string, TimedEvent[]>();
  private readonly played = new Map<string, TimedEvent[]>();
  private readonly episodes = new Map<string, PlannedCall[]>();
  private readonly formatTs: (epochMs: number) => string;

  constructor(private readonly settings: TimelineSettings) {
    this.formatTs = createTimestampFormatter(settings.zone);
  }

  /** Events with from ≤ ts < to, in time order, one local day per chunk. */
  *chunks(from: number, to: number): Generator<CallEventInput[]> {
    for (const day of daysOverlapping(from, to, this.settings.zone)) {
      const events = this.eventsOn(day);
      const chunk = events.slice(firstAtOrAfter(events, from), firstAtOrAfter(events, to)).map(({ event }) => event);
      if (chunk.length > 0) yield chunk;
    }
  }

  /** When the first event at or after `from` happens (looking up to a day ahead), if any. */
  nextEventAt(from: number): number | undefined {
    for (const day of daysOverlapping(from, from + 86_400_000, this.settings.zone)) {
      const events = this.eventsOn(day);
      const next = events[firstAtOrAfter(events, from)];
      if (next) return next.at;
    }
    return undefined;
  }

  private eventsOn(day: LocalDay): TimedEvent[] {
    return remember(this.played, day.key, CACHED_DAYS, () => {
      const inDay = (event: TimedEvent) => event.at >= day.start && event.at < day.end;
      const spillOver = this.simulatedDay(shiftDay(day, -1)).filter(inDay);
      const own = this.simulatedDay(day).filter(inDay);
      return [...spillOver, ...own].sort((a, b) => a.at - b.at);
    });
  }

  private simulatedDay(day: LocalDay): TimedEvent[] {
    const { profile, seed, tenant } = this.settings;
    return remember(this.simulated, day.key, CACHED_DAYS, () => {
      const calls = callsOfferedOn(day, (episodeDay) =>
        remember(this.episodes, episodeDay.key, CACHED_EPISODE_DAYS, () => drawEpisodes(episodeDay, profile, seed)),
      );
      return simulateDay(day, calls, profile, seed, new EventLog(this.formatTs, tenant));
    });
  }
}

function remember<T>(cache: Map<string, T>, key: string, size: number, compute: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
    if (cache.size > size) cache.delete(cache.keys().next().value!);
  }
  return value;
}

function firstAtOrAfter(events: readonly TimedEvent[], at: number): number {
  let [low, high] = [0, events.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (events[middle]!.at < at) low = middle + 1;
    else high = middle;
  }
  return low;
}
