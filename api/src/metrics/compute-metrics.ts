import type { ItemSums } from './metrics.repository';
import { ITEM_COLUMNS } from './sql/metric-items';
import type { Metrics } from './metrics.schema';

const ratio = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);
const meanSeconds = (totalMs: number, count: number): number | null => (count === 0 ? null : totalMs / count / 1000);

/** METRICS.md's formulas over summed item counts; a zero denominator gives null. */
export function computeMetrics(sums: ItemSums): Metrics {
  const counted = sums.offered - sums.short_abandoned;
  const longAbandoned = sums.abandoned - sums.short_abandoned;
  return {
    offered: sums.offered,
    answered: sums.answered,
    abandoned: sums.abandoned,
    flowedOut: sums.flowed_out,
    waiting: sums.waiting,
    shortAbandoned: sums.short_abandoned,
    abandonmentRate: ratio(longAbandoned, counted),
    answeredWithinServiceLevel: sums.answered_within_service_level,
    serviceLevel: ratio(sums.answered_within_service_level, counted),
    asaSeconds: meanSeconds(sums.answer_wait_ms, sums.answered),
    avgAbandonWaitSeconds: meanSeconds(sums.abandon_wait_ms, longAbandoned),
    handled: sums.handled,
    ahtSeconds: meanSeconds(sums.talk_ms + sums.hold_ms + sums.acw_ms, sums.handled),
    avgTalkSeconds: meanSeconds(sums.talk_ms, sums.handled),
    avgHoldSeconds: meanSeconds(sums.hold_ms, sums.handled),
    avgAcwSeconds: meanSeconds(sums.acw_ms, sums.handled),
    transferred: sums.transferred,
    transferRate: ratio(sums.transferred, sums.answered),
    wrapups: sums.wrapups,
    escalated: sums.escalated,
    escalationRate: ratio(sums.escalated, sums.wrapups),
    contacts: sums.contacts,
    fcrDecided: sums.fcr_decided,
    fcrResolved: sums.fcr_resolved,
    fcrRate: ratio(sums.fcr_resolved, sums.fcr_decided),
    fcrPending: sums.contacts - sums.fcr_decided,
    fcrUnmatched: sums.fcr_unmatched,
    surveys: sums.surveys,
    csatMean: ratio(sums.score_sum, sums.surveys),
    topTwoBoxSurveys: sums.top_two_box_surveys,
    csatRate: ratio(sums.top_two_box_surveys, sums.surveys),
    surveysAnsweringResolved: sums.surveys_answering_resolved,
    surveysResolved: sums.surveys_resolved,
    fcrSurveyRate: ratio(sums.surveys_resolved, sums.surveys_answering_resolved),
    occupiedSeconds: sums.occupied_ms / 1000,
    staffedSeconds: sums.staffed_ms / 1000,
    occupancy: ratio(sums.occupied_ms, sums.staffed_ms),
  };
}

export function emptySums(): ItemSums {
  return Object.fromEntries(ITEM_COLUMNS.map((column) => [column, 0])) as ItemSums;
}

export function addSums(into: ItemSums, more: ItemSums): ItemSums {
  for (const column of ITEM_COLUMNS) into[column] += more[column];
  return into;
}
