import { byTime, earliest, groupItems, text, type ReferenceEvent } from './reference-events';

export type LegOutcome = 'answered' | 'abandoned' | 'flowed_out' | 'waiting';

/** One queue visit, read as METRICS-READING.md's per-leg facts. */
export interface LegFacts {
  queue: string;
  offeredAt: number;
  outcome: LegOutcome;
  /** Until the outcome; null while waiting. */
  waitMs: number | null;
  agentId: string | null;
  answeredAt: number | null;
  endedByTransfer: boolean;
  handled: boolean;
  talkMs: number;
  holdMs: number;
  acwMs: number;
  wrapup: ReferenceEvent | null;
  /** The `call.ended` that ended the talk, when it says no wrap-up will follow. */
  untrackedEnd: ReferenceEvent | null;
}

export interface FinalHandling {
  at: number;
  agentId: string | null;
  disposition: string;
}

export interface CallFacts {
  callId: string;
  /** In offered order; the first is the call's first leg. */
  legs: LegFacts[];
  firstOfferedAt: number;
  firstQueue: string;
  customer: string | null;
  category: string | null;
  finalHandling: FinalHandling | null;
  surveys: ReferenceEvent[];
}

// Later events are outside what the API's period query reads (METRICS-READING.md, last rule).
const READ_HORIZON_MS = 48 * 3_600_000;
const OUTCOME_RANK: Readonly<Record<string, number>> = { 'call.answered': 0, 'call.abandoned': 1, 'call.flowed_out': 2 };
const TALK_END_RANK: Readonly<Record<string, number>> = { 'call.transferred': 0, 'call.ended': 1 };
const TALK_TYPES = new Set(['call.hold_started', 'call.hold_ended', 'call.transferred', 'call.ended', 'call.wrapup_completed']);

interface Leg {
  offer: ReferenceEvent;
  queue: string;
  outcomeEvents: ReferenceEvent[];
  outcome: ReferenceEvent | null;
  talkEvents: ReferenceEvent[];
}

/** Events grouped by call, then into legs, per-leg facts and call facts. `events` must be deduplicated and in time order. */
export function buildCalls(events: readonly ReferenceEvent[]): CallFacts[] {
  const callEvents = events.filter((event) => event.type.startsWith('call.') || event.type === 'survey.completed');
  const calls: CallFacts[] = [];
  for (const [callId, eventsOfCall] of groupItems(callEvents, (event) => text(event.fields, 'callId'))) {
    const call = callId === null ? null : buildCall(callId, eventsOfCall);
    if (call) calls.push(call);
  }
  return calls;
}

function buildCall(callId: string, events: readonly ReferenceEvent[]): CallFacts | null {
  const offers = events.filter((event) => event.type === 'call.offered' && text(event.fields, 'queue') !== null);
  const firstOffer = offers[0];
  if (!firstOffer) return null;
  const readable = events.filter((event) => event.at - firstOffer.at <= READ_HORIZON_MS);
  const legs = openLegs(readable);
  const legFacts = legs.map(factsOf);
  const wrapups = legFacts.flatMap((leg) => (leg.wrapup ? [leg.wrapup] : [])).sort(byTime);
  return {
    callId,
    legs: legFacts,
    firstOfferedAt: firstOffer.at,
    firstQueue: text(firstOffer.fields, 'queue')!,
    customer: legs.map((leg) => text(leg.offer.fields, 'customerId')).find((customer) => customer !== null) ?? null,
    category:
      wrapups
        .map((wrapup) => text(wrapup.fields, 'category'))
        .filter((category) => category !== null)
        .at(-1) ?? text(firstOffer.fields, 'category'),
    finalHandling: finalHandlingOf(wrapups, legFacts),
    surveys: readable.filter((event) => event.type === 'survey.completed' && typeof event.fields.score === 'number'),
  };
}

/** Every offer opens a leg; outcome and talk events join the leg METRICS-READING.md names. */
function openLegs(events: readonly ReferenceEvent[]): Leg[] {
  const legs: Leg[] = events
    .filter((event) => event.type === 'call.offered' && text(event.fields, 'queue') !== null)
    .map((offer) => ({ offer, queue: text(offer.fields, 'queue')!, outcomeEvents: [], outcome: null, talkEvents: [] }));
  for (const event of events) {
    if (OUTCOME_RANK[event.type] === undefined) continue;
    const sameQueue = legs.filter((leg) => leg.queue === text(event.fields, 'queue') && leg.offer.at <= event.at);
    sameQueue.at(-1)?.outcomeEvents.push(event);
  }
  for (const leg of legs) leg.outcome = earliest(leg.outcomeEvents, OUTCOME_RANK);
  for (const event of events) {
    if (TALK_TYPES.has(event.type)) latestAnsweredBy(legs, event.at)?.talkEvents.push(event);
  }
  return legs;
}

function latestAnsweredBy(legs: readonly Leg[], at: number): Leg | null {
  let latest: Leg | null = null;
  for (const leg of legs) {
    const answer = leg.outcome?.type === 'call.answered' ? leg.outcome : null;
    if (answer && answer.at <= at && (latest === null || answer.at >= latest.outcome!.at)) latest = leg;
  }
  return latest;
}

function factsOf(leg: Leg): LegFacts {
  const outcome = leg.outcome;
  const answer = outcome?.type === 'call.answered' ? outcome : null;
  const talkEnd = earliest(
    leg.talkEvents.filter((event) => TALK_END_RANK[event.type] !== undefined),
    TALK_END_RANK,
  );
  const ended = talkEnd?.type === 'call.ended' ? talkEnd : null;
  const wrapupExpected = ended !== null && ended.fields.wrapup !== false;
  const wrapup = ended ? earliest(leg.talkEvents.filter((event) => event.type === 'call.wrapup_completed' && event.at >= ended.at)) : null;
  const holdMs = talkEnd ? holdMillis(leg.talkEvents, talkEnd.at) : 0;
  return {
    queue: leg.queue,
    offeredAt: leg.offer.at,
    outcome: outcome ? (outcome.type.slice('call.'.length) as LegOutcome) : 'waiting',
    waitMs: outcome ? outcome.at - leg.offer.at : null,
    agentId: answer ? text(answer.fields, 'agentId') : null,
    answeredAt: answer ? answer.at : null,
    endedByTransfer: talkEnd?.type === 'call.transferred',
    handled: answer !== null && talkEnd !== null && (!wrapupExpected || wrapup !== null),
    talkMs: answer && talkEnd ? talkEnd.at - answer.at - holdMs : 0,
    holdMs,
    acwMs: ended && wrapupExpected && wrapup ? wrapup.at - ended.at : 0,
    wrapup,
    untrackedEnd: ended && !wrapupExpected ? ended : null,
  };
}

/** A hold runs to the first of: the next hold_ended, the next hold_started, the talk end. */
function holdMillis(talkEvents: readonly ReferenceEvent[], talkEndAt: number): number {
  const starts = talkEvents.filter((event) => event.type === 'call.hold_started' && event.at <= talkEndAt);
  const ends = talkEvents.filter((event) => event.type === 'call.hold_ended');
  let total = 0;
  starts.forEach((start, index) => {
    let end = talkEndAt;
    const nextStart = starts[index + 1];
    if (nextStart && nextStart.at < end) end = nextStart.at;
    const nextEnd = ends.find((event) => event.at >= start.at);
    if (nextEnd && nextEnd.at < end) end = nextEnd.at;
    total += end - start.at;
  });
  return total;
}

/** The latest wrap-up, or without one the latest `call.ended` saying none will follow ("it simply ended": resolved). */
function finalHandlingOf(wrapups: readonly ReferenceEvent[], legs: readonly LegFacts[]): FinalHandling | null {
  const lastWrapup = wrapups.at(-1);
  if (lastWrapup) {
    return { at: lastWrapup.at, agentId: text(lastWrapup.fields, 'agentId'), disposition: text(lastWrapup.fields, 'disposition') ?? '' };
  }
  const untrackedEnds = legs.flatMap((leg) => (leg.untrackedEnd ? [leg.untrackedEnd] : [])).sort(byTime);
  const lastEnd = untrackedEnds.at(-1);
  return lastEnd ? { at: lastEnd.at, agentId: text(lastEnd.fields, 'agentId'), disposition: 'resolved' } : null;
}
