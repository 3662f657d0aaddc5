import type { CentreProfile } from './profile';

/** Throws on a profile the simulation cannot run: unknown queue names, missing weights, bad clock times. */
export function checkProfile(profile: CentreProfile): void {
  const queues = new Set(profile.queues.map((queue) => queue.id));
  const known = (id: string, where: string) => {
    if (!queues.has(id)) throw new Error(`${where} names an unknown queue "${id}"`);
  };
  if (queues.size === 0) throw new Error('the profile has no queues');
  if (profile.weekdayFactors.length !== 7) throw new Error('weekdayFactors needs 7 entries, Monday first');
  for (const queue of profile.queues) {
    if (queue.hourlyWeights.length !== 24) throw new Error(`queue ${queue.id}: hourlyWeights needs 24 entries`);
    if (!queue.hourlyWeights.some((weight) => weight > 0)) throw new Error(`queue ${queue.id} is never open`);
    if (Object.keys(queue.categories).length === 0) throw new Error(`queue ${queue.id} has no categories`);
    if (Object.keys(queue.dispositions).length === 0) throw new Error(`queue ${queue.id} has no dispositions`);
    if (queue.timeout?.toQueue !== undefined) known(queue.timeout.toQueue, `queue ${queue.id}'s timeout`);
    for (const target of Object.keys(queue.transfer?.toQueues ?? {})) {
      known(target, `queue ${queue.id}'s transfers`);
      if (target === queue.id) throw new Error(`queue ${queue.id} transfers to itself`);
    }
  }
  for (const team of profile.teams) {
    for (const queue of team.queues) known(queue, `team ${team.id}`);
    for (const shift of team.shifts) {
      for (const time of [shift.start, shift.end, ...(shift.breaks ?? []).map((planned) => planned.from)]) {
        const match = /^(\d{1,2}):([0-5]\d)$/.exec(time);
        if (!match || Number(match[1]) > 26) throw new Error(`team ${team.id}: "${time}" is not a time between 00:00 and 26:00`);
      }
    }
  }
  const agents = profile.teams.flatMap((team) => team.shifts).reduce((sum, shift) => sum + shift.agents, 0);
  if (agents > 999) throw new Error('at most 999 agents');
}
