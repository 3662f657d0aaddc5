import type { BreakProfile, CentreProfile, QueueProfile, ShiftProfile } from './profile';

// Local hours 0–23. Most lines open 08:00–22:00; technical support and emergencies round the clock.
const DAYTIME = [0, 0, 0, 0, 0, 0, 0, 0, 6, 9, 10, 9, 7, 7, 8, 8, 7, 6, 5, 4, 3, 2, 0, 0];
const ROUND_THE_CLOCK = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 6, 9, 10, 9, 7, 7, 8, 8, 7, 6, 5, 5, 4, 3, 2, 1.5];
const EMERGENCIES = [2, 1.5, 1, 1, 1, 1, 1.5, 2.5, 4, 5, 5, 5, 4.5, 4.5, 5, 5, 5, 4.5, 4.5, 4, 4, 3.5, 3, 2.5];

const USUAL_OUTCOMES = { resolved: 0.78, unresolved: 0.1, escalated: 0.05, callback_scheduled: 0.07 };
const PATIENT = { kind: 'lognormal', median: 90, sigma: 0.8 } as const;
const HOLD = { share: 0.2, duration: { kind: 'lognormal', median: 40, sigma: 0.6 } } as const;
const CALLER_HABITS = { shortAbandonShare: 0.03, callbackKeyShare: 0.15, patience: PATIENT } as const;

const queues: QueueProfile[] = [
  {
    id: 'billing',
    callsPerDay: 850,
    hourlyWeights: DAYTIME,
    priority: 1,
    categories: { inquiry: 0.45, consultation: 0.25, complaint: 0.15, cancellation: 0.15 },
    dispositions: USUAL_OUTCOMES,
    talk: { kind: 'lognormal', median: 170, sigma: 0.6 },
    ...CALLER_HABITS,
    timeout: { seconds: 300 },
    hold: HOLD,
    transfer: { share: 0.05, toQueues: { tech_support: 1, complaints: 1 } },
  },
  {
    id: 'orders',
    callsPerDay: 700,
    hourlyWeights: DAYTIME,
    priority: 1,
    categories: { order: 0.6, cancellation: 0.2, inquiry: 0.2 },
    dispositions: USUAL_OUTCOMES,
    talk: { kind: 'lognormal', median: 150, sigma: 0.6 },
    ...CALLER_HABITS,
    timeout: { seconds: 300 },
    hold: HOLD,
    transfer: { share: 0.05, toQueues: { billing: 2, tech_support: 1 } },
  },
  {
    id: 'tech_support',
    callsPerDay: 900,
    hourlyWeights: ROUND_THE_CLOCK,
    priority: 1,
    categories: { fault: 0.65, inquiry: 0.2, consultation: 0.15 },
    dispositions: { resolved: 0.68, unresolved: 0.14, escalated: 0.1, callback_scheduled: 0.08 },
    talk: { kind: 'lognormal', median: 210, sigma: 0.6 },
    ...CALLER_HABITS,
    timeout: { seconds: 300 },
    hold: { share: 0.3, duration: { kind: 'lognormal', median: 60, sigma: 0.6 } },
    transfer: { share: 0.04, toQueues: { orders: 1, complaints: 1 } },
  },
  {
    id: 'complaints',
    callsPerDay: 300,
    hourlyWeights: DAYTIME,
    priority: 1,
    categories: { complaint: 0.9, cancellation: 0.1 },
    dispositions: { resolved: 0.5, unresolved: 0.15, escalated: 0.2, callback_scheduled: 0.15 },
    talk: { kind: 'lognormal', median: 270, sigma: 0.6 },
    ...CALLER_HABITS,
    timeout: { seconds: 180 },
    hold: HOLD,
    transfer: { share: 0.04, toQueues: { vip: 1 } },
  },
  {
    id: 'vip',
    callsPerDay: 180,
    hourlyWeights: DAYTIME,
    priority: 2,
    categories: { consultation: 0.35, order: 0.25, inquiry: 0.2, complaint: 0.1, fault: 0.1 },
    dispositions: USUAL_OUTCOMES,
    talk: { kind: 'lognormal', median: 200, sigma: 0.6 },
    ...CALLER_HABITS,
    patience: { kind: 'lognormal', median: 120, sigma: 0.8 },
    timeout: { seconds: 45, toQueue: 'billing' },
    hold: HOLD,
    transfer: { share: 0.03, toQueues: { tech_support: 1 } },
  },
  {
    id: 'emergency',
    callsPerDay: 160,
    hourlyWeights: EMERGENCIES,
    priority: 3,
    categories: { emergency: 1 },
    dispositions: { resolved: 0.6, escalated: 0.35, unresolved: 0.05 },
    talk: { kind: 'lognormal', median: 120, sigma: 0.5 },
    shortAbandonShare: 0.05,
    patience: { kind: 'lognormal', median: 60, sigma: 0.7 },
    transfer: { share: 0.05, toQueues: { tech_support: 1 } },
  },
];

const rest = (from: string): BreakProfile => ({ from, spreadMinutes: 60, minutes: 15, reason: 'rest' });
const meal = (from: string): BreakProfile => ({ from, spreadMinutes: 150, minutes: 45, reason: 'meal' });
const early = (agents: number): ShiftProfile => ({
  start: '08:00',
  end: '17:00',
  agents,
  breaks: [rest('10:00'), meal('11:00'), rest('15:00')],
});
const late = (agents: number): ShiftProfile => ({
  start: '13:00',
  end: '22:15',
  agents,
  breaks: [rest('14:30'), meal('16:30'), rest('20:00')],
});
// Night agents never work the evening before: a day's late calls are cleared by evening agents after midnight.
const night = (agents: number): ShiftProfile => ({ start: '00:00', end: '08:00', agents, breaks: [rest('02:00'), meal('03:30')] });
const evening = (agents: number): ShiftProfile => ({ start: '16:00', end: '24:15', agents, breaks: [meal('18:00'), rest('21:00')] });

/** A mid-sized centre: 6 queues, 5 teams, 70 agents, about 4,000 calls on a weekday (fewer at weekends). */
export const DEMO_CENTRE: CentreProfile = {
  queues,
  teams: [
    { id: 'frontline-a', queues: ['billing', 'orders'], shifts: [early(9), late(7)] },
    { id: 'frontline-b', queues: ['orders', 'billing', 'complaints'], shifts: [early(6), late(5)] },
    { id: 'tech', queues: ['tech_support'], shifts: [night(3), early(11), late(7), evening(3)] },
    { id: 'care', queues: ['vip', 'complaints'], shifts: [early(7), late(4)] },
    { id: 'emergency', queues: ['emergency'], shifts: [night(2), { ...early(3), end: '16:00' }, evening(3)] },
  ],
  weekdayFactors: [1.05, 1, 1, 1, 0.97, 0.7, 0.6],
  attendance: 0.93,
  ring: { kind: 'lognormal', median: 4, sigma: 0.3 },
  afterCallWork: { kind: 'lognormal', median: 35, sigma: 0.5 },
  customers: {
    anonymousShare: 0.06,
    repeatChance: { resolved: 0.05, unresolved: 0.5, escalated: 0.3, callback_scheduled: 0.25 },
    repeatDelayHours: { kind: 'lognormal', median: 20, sigma: 1 },
    sameCategoryShare: 0.85,
  },
  surveys: { share: 0.3, resolvedQuestionShare: 0.6 },
};
