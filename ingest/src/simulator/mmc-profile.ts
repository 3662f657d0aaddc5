import type { CentreProfile } from './profile';

/**
 * One queue, `agents` agents round the clock, Poisson arrivals at a flat rate, exponential talk
 * and nothing else (no abandons, hold, wrap-up, breaks or transfers): an M/M/c queue.
 */
export function mmcProfile(options: { agents: number; load: number; meanTalkSeconds: number }): CentreProfile {
  const arrivalsPerSecond = (options.load * options.agents) / options.meanTalkSeconds;
  return {
    queues: [
      {
        id: 'mmc',
        callsPerDay: arrivalsPerSecond * 86_400,
        hourlyWeights: Array<number>(24).fill(1),
        priority: 1,
        categories: { inquiry: 1 },
        dispositions: { resolved: 1 },
        talk: { kind: 'exponential', mean: options.meanTalkSeconds },
      },
    ],
    // Past midnight, so the day's last callers are all answered; arrivals stop at midnight.
    teams: [{ id: 'all', queues: ['mmc'], shifts: [{ start: '00:00', end: '26:00', agents: options.agents }] }],
    weekdayFactors: [1, 1, 1, 1, 1, 1, 1],
    attendance: 1,
    customers: {
      anonymousShare: 1,
      repeatChance: { resolved: 0, unresolved: 0, escalated: 0, callback_scheduled: 0 },
      repeatDelayHours: { kind: 'lognormal', median: 24, sigma: 1 },
      sameCategoryShare: 1,
    },
  };
}
