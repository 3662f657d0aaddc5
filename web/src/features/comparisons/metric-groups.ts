import { METRIC_NAMES, type MetricName } from '../../lib/metrics';

export const METRIC_GROUPS = ['volumes', 'speed', 'handling', 'resolution', 'satisfaction'] as const;
export type MetricGroup = (typeof METRIC_GROUPS)[number];

const GROUP_OF: Record<MetricName, MetricGroup> = {
  offered: 'volumes',
  answered: 'volumes',
  abandoned: 'volumes',
  flowedOut: 'volumes',
  waiting: 'volumes',
  shortAbandoned: 'volumes',
  abandonmentRate: 'speed',
  answeredWithinServiceLevel: 'speed',
  serviceLevel: 'speed',
  asaSeconds: 'speed',
  avgAbandonWaitSeconds: 'speed',
  handled: 'handling',
  ahtSeconds: 'handling',
  avgTalkSeconds: 'handling',
  avgHoldSeconds: 'handling',
  avgAcwSeconds: 'handling',
  transferred: 'handling',
  transferRate: 'handling',
  wrapups: 'handling',
  escalated: 'handling',
  escalationRate: 'handling',
  occupiedSeconds: 'handling',
  staffedSeconds: 'handling',
  occupancy: 'handling',
  contacts: 'resolution',
  fcrDecided: 'resolution',
  fcrResolved: 'resolution',
  fcrRate: 'resolution',
  fcrPending: 'resolution',
  fcrUnmatched: 'resolution',
  surveys: 'satisfaction',
  csatMean: 'satisfaction',
  topTwoBoxSurveys: 'satisfaction',
  csatRate: 'satisfaction',
  surveysAnsweringResolved: 'satisfaction',
  surveysResolved: 'satisfaction',
  fcrSurveyRate: 'satisfaction',
};

/** Every metric once, in METRIC_NAMES order within its group. */
export function metricsByGroup(): Array<{ group: MetricGroup; metrics: MetricName[] }> {
  return METRIC_GROUPS.map((group) => ({ group, metrics: METRIC_NAMES.filter((name) => GROUP_OF[name] === group) }));
}

/** The rates the charts and the per-group table set side by side. */
export const KEY_RATES: MetricName[] = ['serviceLevel', 'abandonmentRate', 'fcrRate', 'csatRate'];
export const KEY_VOLUMES: MetricName[] = ['offered', 'answered', 'abandoned', 'handled'];
export const GROUP_TABLE_METRICS: MetricName[] = [
  'offered',
  'serviceLevel',
  'abandonmentRate',
  'asaSeconds',
  'ahtSeconds',
  'fcrRate',
  'csatRate',
];
