import { OCCUPIED_STATES, STAFFED_STATES } from './reference-agents';
import type { CallFacts, LegFacts } from './reference-calls';
import type { FirstContact } from './reference-fcr';

/** METRICS.md's figures for one period or group: counts, float seconds, ratios in 0..1 (null over 0). */
export interface Metrics {
  offered: number;
  answered: number;
  abandoned: number;
  flowedOut: number;
  waiting: number;
  shortAbandoned: number;
  abandonmentRate: number | null;
  answeredWithinServiceLevel: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
  avgAbandonWaitSeconds: number | null;
  handled: number;
  ahtSeconds: number | null;
  avgTalkSeconds: number | null;
  avgHoldSeconds: number | null;
  avgAcwSeconds: number | null;
  transferred: number;
  transferRate: number | null;
  wrapups: number;
  escalated: number;
  escalationRate: number | null;
  contacts: number;
  fcrDecided: number;
  fcrResolved: number;
  fcrRate: number | null;
  fcrPending: number;
  fcrUnmatched: number;
  surveys: number;
  csatMean: number | null;
  topTwoBoxSurveys: number;
  csatRate: number | null;
  surveysAnsweringResolved: number;
  surveysResolved: number;
  fcrSurveyRate: number | null;
  occupiedSeconds: number;
  staffedSeconds: number;
  occupancy: number | null;
}

export interface LegSettings {
  serviceLevelSeconds: number;
  shortAbandonSeconds: number;
}

/** Running sums for one group; durations in milliseconds until `metrics()` turns them into seconds. */
export class Tally {
  private offered = 0;
  private answered = 0;
  private abandoned = 0;
  private flowedOut = 0;
  private waiting = 0;
  private shortAbandoned = 0;
  private answeredWithinServiceLevel = 0;
  private answeredWaitMs = 0;
  private longAbandoned = 0;
  private longAbandonWaitMs = 0;
  private handled = 0;
  private talkMs = 0;
  private holdMs = 0;
  private acwMs = 0;
  private transferred = 0;
  private wrapups = 0;
  private escalated = 0;
  private contacts = 0;
  private fcrDecided = 0;
  private fcrResolved = 0;
  private fcrUnmatched = 0;
  private surveys = 0;
  private scoreSum = 0;
  private topTwoBoxSurveys = 0;
  private surveysAnsweringResolved = 0;
  private surveysResolved = 0;
  private occupiedMs = 0;
  private staffedMs = 0;

  addLeg(leg: LegFacts, settings: LegSettings): void {
    this.offered++;
    const waitMs = leg.waitMs ?? 0;
    if (leg.outcome === 'waiting') this.waiting++;
    if (leg.outcome === 'flowed_out') this.flowedOut++;
    if (leg.outcome === 'abandoned') {
      this.abandoned++;
      if (waitMs < settings.shortAbandonSeconds * 1000) this.shortAbandoned++;
      else {
        this.longAbandoned++;
        this.longAbandonWaitMs += waitMs;
      }
    }
    if (leg.outcome === 'answered') {
      this.answered++;
      this.answeredWaitMs += waitMs;
      if (waitMs <= settings.serviceLevelSeconds * 1000) this.answeredWithinServiceLevel++;
      if (leg.endedByTransfer) this.transferred++;
    }
    if (leg.handled) {
      this.handled++;
      this.talkMs += leg.talkMs;
      this.holdMs += leg.holdMs;
      this.acwMs += leg.acwMs;
    }
    if (leg.wrapup) {
      this.wrapups++;
      if (leg.wrapup.fields.disposition === 'escalated') this.escalated++;
    }
  }

  addCall(call: CallFacts, firstContact: FirstContact | undefined): void {
    if (firstContact?.kind === 'unmatched') this.fcrUnmatched++;
    if (firstContact?.kind === 'contact') {
      this.contacts++;
      if (firstContact.decided) this.fcrDecided++;
      if (firstContact.resolved) this.fcrResolved++;
    }
    for (const survey of call.surveys) {
      const score = survey.fields.score as number;
      this.surveys++;
      this.scoreSum += score;
      if (score >= 4) this.topTwoBoxSurveys++;
      if (typeof survey.fields.resolved === 'boolean') this.surveysAnsweringResolved++;
      if (survey.fields.resolved === true) this.surveysResolved++;
    }
  }

  addStateTime(state: string, ms: number): void {
    if (STAFFED_STATES.has(state)) this.staffedMs += ms;
    if (OCCUPIED_STATES.has(state)) this.occupiedMs += ms;
  }

  metrics(): Metrics {
    const notShort = this.offered - this.shortAbandoned;
    return {
      offered: this.offered,
      answered: this.answered,
      abandoned: this.abandoned,
      flowedOut: this.flowedOut,
      waiting: this.waiting,
      shortAbandoned: this.shortAbandoned,
      abandonmentRate: ratio(this.abandoned - this.shortAbandoned, notShort),
      answeredWithinServiceLevel: this.answeredWithinServiceLevel,
      serviceLevel: ratio(this.answeredWithinServiceLevel, notShort),
      asaSeconds: meanSeconds(this.answeredWaitMs, this.answered),
      avgAbandonWaitSeconds: meanSeconds(this.longAbandonWaitMs, this.longAbandoned),
      handled: this.handled,
      ahtSeconds: meanSeconds(this.talkMs + this.holdMs + this.acwMs, this.handled),
      avgTalkSeconds: meanSeconds(this.talkMs, this.handled),
      avgHoldSeconds: meanSeconds(this.holdMs, this.handled),
      avgAcwSeconds: meanSeconds(this.acwMs, this.handled),
      transferred: this.transferred,
      transferRate: ratio(this.transferred, this.answered),
      wrapups: this.wrapups,
      escalated: this.escalated,
      escalationRate: ratio(this.escalated, this.wrapups),
      contacts: this.contacts,
      fcrDecided: this.fcrDecided,
      fcrResolved: this.fcrResolved,
      fcrRate: ratio(this.fcrResolved, this.fcrDecided),
      fcrPending: this.contacts - this.fcrDecided,
      fcrUnmatched: this.fcrUnmatched,
      surveys: this.surveys,
      csatMean: ratio(this.scoreSum, this.surveys),
      topTwoBoxSurveys: this.topTwoBoxSurveys,
      csatRate: ratio(this.topTwoBoxSurveys, this.surveys),
      surveysAnsweringResolved: this.surveysAnsweringResolved,
      surveysResolved: this.surveysResolved,
      fcrSurveyRate: ratio(this.surveysResolved, this.surveysAnsweringResolved),
      occupiedSeconds: this.occupiedMs / 1000,
      staffedSeconds: this.staffedMs / 1000,
      occupancy: ratio(this.occupiedMs, this.staffedMs),
    };
  }
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function meanSeconds(totalMs: number, count: number): number | null {
  return count === 0 ? null : totalMs / count / 1000;
}
