import { BETTER_WHEN, METRIC_NAMES, metricKind, type MetricKind, type MetricName } from '@callboard/api/definitions';
import type { Formatters } from './format';

export { BETTER_WHEN, METRIC_NAMES, metricKind, type MetricKind, type MetricName };

/** The counts a rate or mean is computed from (METRICS.md), shown beside its definition. */
export const METRIC_INPUTS: Partial<Record<MetricName, MetricName[]>> = {
  abandonmentRate: ['abandoned', 'shortAbandoned', 'offered'],
  serviceLevel: ['answeredWithinServiceLevel', 'offered', 'shortAbandoned'],
  asaSeconds: ['answered'],
  avgAbandonWaitSeconds: ['abandoned', 'shortAbandoned'],
  ahtSeconds: ['handled'],
  avgTalkSeconds: ['handled'],
  avgHoldSeconds: ['handled'],
  avgAcwSeconds: ['handled'],
  transferRate: ['transferred', 'answered'],
  escalationRate: ['escalated', 'wrapups'],
  fcrRate: ['fcrResolved', 'fcrDecided', 'fcrPending'],
  csatMean: ['surveys'],
  csatRate: ['topTwoBoxSurveys', 'surveys'],
  fcrSurveyRate: ['surveysResolved', 'surveysAnsweringResolved'],
  occupancy: ['occupiedSeconds', 'staffedSeconds'],
};

export function formatMetric(format: Formatters, name: MetricName, value: number | null | undefined): string {
  switch (metricKind(name)) {
    case 'ratio':
      return format.percent(value);
    case 'seconds':
      return format.duration(value);
    case 'score':
      return format.decimal(value, 2);
    default:
      return format.count(value);
  }
}
