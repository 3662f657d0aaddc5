import { DateTime } from 'luxon';
import type { CallCategory, Disposition } from '../contract';
import { customerNumber } from './customers';
import { hoursOf, shiftDay, type LocalDay } from './local-day';
import type { CentreProfile, QueueProfile } from './profile';
import { Random } from './random';

/** A call as the customer makes it, before the centre handles it. */
export interface PlannedCall {
  callId: string;
  queue: string;
  offeredAt: number;
  /** Absent for an anonymous caller. */
  customerId?: string;
  category: CallCategory;
  /** Where the contact is headed if answered: the wrap-up's disposition. */
  disposition: Disposition;
}

const HOUR = 3_600_000;
/** Repeats come at most this long after the episode's first call, so a day's repeats come from the 7 days before it. */
const MAX_EPISODE_MS = 6 * 24 * HOUR;
const EPISODE_DAYS = 7;

/**
 * The calls offered on `day`: first contacts made that day, and repeats of episodes that
 * started in the 7 days before. Each episode (a first call and the repeats that follow it)
 * is drawn from its first day alone, so the calls of a day depend only on (seed, profile, day).
 */
export function callsOfferedOn(day: LocalDay, episodesStartingOn: (day: LocalDay) => PlannedCall[]): PlannedCall[] {
  const calls: PlannedCall[] = [];
  for (let back = EPISODE_DAYS; back >= 0; back--) {
    for (const call of episodesStartingOn(shiftDay(day, -back))) {
      if (call.offeredAt >= day.start && call.offeredAt < day.end) calls.push(call);
    }
  }
  return calls.sort((a, b) => a.offeredAt - b.offeredAt || (a.callId < b.callId ? -1 : 1));
}

/** Every call, first and repeat, of the episodes whose first call is on `day`. */
export function drawEpisodes(day: LocalDay, profile: CentreProfile, seed: number): PlannedCall[] {
  const calls: PlannedCall[] = [];
  const weekdayFactor = profile.weekdayFactors[day.weekday - 1] ?? 1;
  const compactDay = day.key.replaceAll('-', '');
  let customerIndex = 0;
  for (const queue of profile.queues) {
    const random = Random.for(seed, 'episodes', day.key, queue.id);
    for (const offeredAt of poissonArrivals(day, queue, queue.callsPerDay * weekdayFactor, random)) {
      const callId = `c${seed}-${compactDay}-${queue.id}-${String(calls.length).padStart(5, '0')}`;
      const customerId = random.chance(profile.customers.anonymousShare) ? undefined : customerNumber(seed, day.key, customerIndex++);
      const first = { callId, queue: queue.id, offeredAt, customerId, category: random.weighted(queue.categories) };
      calls.push(...episode(first, queue, day.zone, profile, random));
    }
  }
  return calls;
}

type Contact = Omit<PlannedCall, 'disposition'>;

function episode(first: Contact, queue: QueueProfile, zone: string, profile: CentreProfile, random: Random): PlannedCall[] {
  const calls: PlannedCall[] = [];
  let contact = first;
  for (;;) {
    const disposition = random.weighted(queue.dispositions);
    calls.push({ ...contact, disposition });
    if (contact.customerId === undefined || !random.chance(profile.customers.repeatChance[disposition])) return calls;
    const { median, sigma } = profile.customers.repeatDelayHours;
    const offeredAt = whenOpen(queue, contact.offeredAt + random.lognormal(median, sigma) * HOUR, zone);
    if (offeredAt - first.offeredAt > MAX_EPISODE_MS) return calls;
    contact = {
      ...contact,
      callId: `${first.callId}-r${calls.length}`,
      offeredAt,
      category: random.chance(profile.customers.sameCategoryShare) ? contact.category : random.weighted(queue.categories),
    };
  }
}

function* poissonArrivals(day: LocalDay, queue: QueueProfile, callsPerDay: number, random: Random): Generator<number> {
  const totalWeight = queue.hourlyWeights.reduce((sum, weight) => sum + weight, 0);
  for (const hour of hoursOf(day)) {
    const perHour = (callsPerDay * (queue.hourlyWeights[hour.hour] ?? 0)) / totalWeight;
    if (perHour <= 0) continue;
    // Memorylessness lets each hour start its own exponential gaps at its own rate.
    for (let at = hour.start + random.exponential(HOUR / perHour); at < hour.end; at += random.exponential(HOUR / perHour)) {
      yield Math.round(at);
    }
  }
}

/** A repeat that would fall while the queue is closed waits for its next open hour. */
function whenOpen(queue: QueueProfile, at: number, zone: string): number {
  const rounded = Math.round(at);
  for (let step = 0; step < 24; step++) {
    const candidate = rounded + step * HOUR;
    if ((queue.hourlyWeights[DateTime.fromMillis(candidate, { zone }).hour] ?? 0) > 0) return candidate;
  }
  return rounded;
}
