import { localTime, type LocalDay } from './local-day';
import type { CentreProfile } from './profile';
import { Random } from './random';

export interface PlannedBreak {
  start: number;
  end: number;
  reason: string;
}

/** One agent's working day: who they are, what they answer, when they work and rest. */
export interface RosterEntry {
  agentId: string;
  team: string;
  queues: readonly string[];
  shiftStart: number;
  shiftEnd: number;
  breaks: PlannedBreak[];
}

/**
 * The agents working on `day`. Agent ids follow the profile's order (team, shift, seat), so an
 * agent keeps one id and one shift every day; who is absent, and when each takes a break, is
 * drawn per day. Fewer come on days with fewer calls (the weekday factor).
 */
export function rosterOf(day: LocalDay, profile: CentreProfile, seed: number): RosterEntry[] {
  const random = Random.for(seed, 'roster', day.key);
  const dayFactor = Math.min(1, (profile.weekdayFactors[day.weekday - 1] ?? 1) + 0.1);
  const roster: RosterEntry[] = [];
  let seat = 0;
  for (const team of profile.teams) {
    for (const shift of team.shifts) {
      for (let index = 0; index < shift.agents; index++) {
        const agentId = `a-${String(++seat).padStart(3, '0')}`;
        const breaks = (shift.breaks ?? []).map((planned) => {
          const start = localTime(day, planned.from) + Math.round(random.between(0, planned.spreadMinutes) * 60_000);
          return { start, end: start + planned.minutes * 60_000, reason: planned.reason };
        });
        if (!random.chance(profile.attendance * dayFactor)) continue;
        roster.push({
          agentId,
          team: team.id,
          queues: team.queues,
          shiftStart: localTime(day, shift.start),
          shiftEnd: localTime(day, shift.end),
          breaks,
        });
      }
    }
  }
  return roster;
}
