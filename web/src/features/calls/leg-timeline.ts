import type { CallDetail, LegDetail } from './hooks/use-calls';

export type SegmentKind = 'wait' | 'talk' | 'hold' | 'wrapUp';

export interface Segment {
  kind: SegmentKind;
  seconds: number;
  /** Position on the call's time axis, in percent of its length. */
  left: number;
  width: number;
}

interface Span {
  kind: SegmentKind;
  start: number;
  end: number;
}

type CallEvent = CallDetail['events'][number];
const timeOf = (event: CallEvent) => Date.parse(String(event['ts']));

/**
 * Each leg's waiting, talking, hold and wrap-up as segments on one time axis shared by the call's
 * legs (first offer to last segment end), so a transfer's legs line up one after the other.
 */
export function callTimeline(legs: readonly LegDetail[], events: readonly CallEvent[]): Segment[][] {
  const lastEventAt = Math.max(...events.map(timeOf).filter(Number.isFinite), 0);
  const spans = legs.map((leg) => legSpans(leg, events, lastEventAt));
  const all = spans.flat();
  if (all.length === 0) return legs.map(() => []);
  const start = Math.min(...all.map((span) => span.start));
  const end = Math.max(...all.map((span) => span.end));
  const length = end - start;
  const percent = (millis: number) => (length > 0 ? (millis / length) * 100 : 0);
  return spans.map((leg) =>
    leg.map((span) => ({
      kind: span.kind,
      seconds: (span.end - span.start) / 1000,
      left: percent(span.start - start),
      width: percent(span.end - span.start),
    })),
  );
}

/** Holds run from hold_started to the next hold_ended or hold_started, or to the talk end (METRICS-READING.md). */
function legSpans(leg: LegDetail, events: readonly CallEvent[], lastEventAt: number): Span[] {
  const offeredAt = Date.parse(leg.offeredAt);
  const outcomeAt = leg.outcomeAt ? Date.parse(leg.outcomeAt) : Math.max(lastEventAt, offeredAt);
  const spans: Span[] = [{ kind: 'wait', start: offeredAt, end: outcomeAt }];
  if (leg.outcome !== 'answered') return spans;

  const talkEnd =
    leg.talkSeconds === null ? Math.max(lastEventAt, outcomeAt) : outcomeAt + Math.round((leg.talkSeconds + (leg.holdSeconds ?? 0)) * 1000);
  const holds: Array<[number, number]> = [];
  let heldSince: number | undefined;
  for (const event of events) {
    const at = timeOf(event);
    if (at < outcomeAt || at > talkEnd || (leg.agent && event['agentId'] !== undefined && event['agentId'] !== leg.agent)) continue;
    if (event['type'] === 'call.hold_started') {
      if (heldSince !== undefined) holds.push([heldSince, at]);
      heldSince = at;
    } else if (event['type'] === 'call.hold_ended' && heldSince !== undefined) {
      holds.push([heldSince, at]);
      heldSince = undefined;
    }
  }
  if (heldSince !== undefined) holds.push([heldSince, talkEnd]);

  let talkFrom = outcomeAt;
  for (const [holdStart, holdEnd] of holds) {
    if (holdStart > talkFrom) spans.push({ kind: 'talk', start: talkFrom, end: holdStart });
    if (holdEnd > holdStart) spans.push({ kind: 'hold', start: holdStart, end: holdEnd });
    talkFrom = Math.max(talkFrom, holdEnd);
  }
  if (talkEnd > talkFrom) spans.push({ kind: 'talk', start: talkFrom, end: talkEnd });
  if (leg.acwSeconds) spans.push({ kind: 'wrapUp', start: talkEnd, end: talkEnd + Math.round(leg.acwSeconds * 1000) });
  return spans;
}

/** Where a leg ended by transfer sent the call: its call.transferred's toQueue. */
export function transferTarget(leg: LegDetail, events: readonly CallEvent[]): string | null {
  if (leg.endedBy !== 'transfer' || !leg.outcomeAt) return null;
  const answeredAt = Date.parse(leg.outcomeAt);
  const transfer = events.find(
    (event) => event['type'] === 'call.transferred' && timeOf(event) >= answeredAt && (!leg.agent || event['agentId'] === leg.agent),
  );
  return typeof transfer?.['toQueue'] === 'string' ? transfer['toQueue'] : null;
}
