// Each figure's definition in METRICS.md's words: the OpenAPI descriptions and the web app's
// "how is this computed" panels read them from here.
export const METRIC_DEFINITIONS = {
  offered:
    'legs offered (a leg is one queue visit, opened by call.offered; it belongs to the period, bucket and queue of its offered time)',
  answered: 'legs answered',
  abandoned: 'legs abandoned',
  flowedOut: 'legs that left the queue unanswered by call.flowed_out',
  waiting: 'legs with no outcome yet (no answer, abandon or flow-out); offered = answered + abandoned + flowedOut + waiting',
  shortAbandoned: 'abandoned legs with wait < shortAbandonSeconds',
  abandonmentRate: '(abandoned − shortAbandoned) / (offered − shortAbandoned)',
  answeredWithinServiceLevel: 'answered legs with wait ≤ serviceLevelSeconds',
  serviceLevel: 'answered with wait ≤ serviceLevelSeconds / (offered − shortAbandoned); flow-outs and long abandons count as missed',
  asaSeconds: 'average speed of answer: mean wait of answered legs (wait = answered.ts − offered.ts)',
  avgAbandonWaitSeconds: 'mean wait of abandoned legs that are not short',
  handled: "legs handled: the leg's talk has ended and its wrap-up is completed (or none is expected: transfer, wrapup: false)",
  ahtSeconds: 'average handle time: sum of handle time (talk + hold + after-call work) / handled',
  avgTalkSeconds: 'talk = (ended or transferred).ts − answered.ts − hold, summed over handled legs / handled',
  avgHoldSeconds:
    'hold = sum over hold intervals of hold_ended.ts − hold_started.ts (an open hold closes at the talk end), summed over handled legs / handled',
  avgAcwSeconds:
    'after-call work = wrapup_completed.ts − ended.ts (0 for a leg ended by transfer or with wrapup: false), summed over handled legs / handled',
  transferred: 'answered legs whose talk ended by call.transferred',
  transferRate: 'legs ended by transfer / answered',
  wrapups: 'legs with a completed wrap-up',
  escalated: 'wrap-ups with disposition escalated',
  escalationRate: 'wrap-ups with disposition escalated / wrap-ups',
  contacts:
    "calls whose first leg's offered time falls in the period, answered and handled to the end (wrapped up, or ended with wrapup: false), from a known customer",
  fcrDecided:
    'contacts that are decided: a repeat call has arrived, or the disposition is not resolved, or the FCR window has fully passed',
  fcrResolved:
    'decided contacts resolved on first contact: last wrap-up disposition resolved (or ended with wrapup: false) and no new call from the same customer within fcrWindowHours',
  fcrRate: 'first-contact resolution: resolved on first contact / decided contacts',
  fcrPending: 'contacts not yet decided (shown next to the rate so a reader knows how settled it is)',
  fcrUnmatched: 'answered and wrapped-up calls from anonymous callers (no customerId): not FCR contacts',
  surveys: 'surveys received',
  csatMean: 'mean survey score (1–5)',
  topTwoBoxSurveys: 'surveys scoring 4 or 5',
  csatRate: 'surveys scoring 4 or 5 / surveys ("top-2-box")',
  surveysAnsweringResolved: 'surveys answering "was your issue solved?"',
  surveysResolved: 'surveys with resolved = true',
  fcrSurveyRate: "surveys with resolved = true / surveys answering that question (the customer's own view)",
  occupiedSeconds: 'agent time on_call + wrap_up, from agent.state_changed intervals clipped to the period',
  staffedSeconds: 'agent time available + on_call + wrap_up, from agent.state_changed intervals clipped to the period',
  occupancy: 'agent occupancy: time in (on_call + wrap_up) / time in (available + on_call + wrap_up)',
} as const;

export type MetricName = keyof typeof METRIC_DEFINITIONS;
export const METRIC_NAMES = Object.keys(METRIC_DEFINITIONS) as MetricName[];

/** What a figure is, for showing it: a count, a ratio (0–1), a duration in seconds, or a 1–5 score. */
export type MetricKind = 'count' | 'ratio' | 'seconds' | 'score';
const RATIOS = new Set<MetricName>([
  'abandonmentRate',
  'serviceLevel',
  'transferRate',
  'escalationRate',
  'fcrRate',
  'csatRate',
  'fcrSurveyRate',
  'occupancy',
]);
const SECONDS = new Set<MetricName>([
  'asaSeconds',
  'avgAbandonWaitSeconds',
  'ahtSeconds',
  'avgTalkSeconds',
  'avgHoldSeconds',
  'avgAcwSeconds',
  'occupiedSeconds',
  'staffedSeconds',
]);

export function metricKind(name: MetricName): MetricKind {
  if (RATIOS.has(name)) return 'ratio';
  if (SECONDS.has(name)) return 'seconds';
  if (name === 'csatMean') return 'score';
  return 'count';
}

/** Which direction is an improvement (METRICS.md "Comparisons"); figures not listed have none. */
export const BETTER_WHEN: Partial<Record<MetricName, 'lower' | 'higher'>> = {
  abandonmentRate: 'lower',
  asaSeconds: 'lower',
  ahtSeconds: 'lower',
  serviceLevel: 'higher',
  fcrRate: 'higher',
  csatMean: 'higher',
  csatRate: 'higher',
};

export const RATIO_NOTE = 'A ratio or mean whose denominator is 0 is null (shown as "—"), never 0.';
