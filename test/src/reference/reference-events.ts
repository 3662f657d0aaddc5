import { DateTime } from 'luxon';

/** One stored event: its copies merged, `ts` read as epoch milliseconds. */
export interface ReferenceEvent {
  eventId: string;
  type: string;
  at: number;
  fields: Readonly<Record<string, unknown>>;
}

/** Copies of one eventId count once (the first seen); the result is ordered by time, then eventId. */
export function dedupe(events: ReadonlyArray<Record<string, unknown>>): ReferenceEvent[] {
  const byId = new Map<string, ReferenceEvent>();
  for (const fields of events) {
    const { eventId, type } = fields;
    const at = epochMillis(fields.ts);
    if (typeof eventId !== 'string' || typeof type !== 'string' || at === undefined || byId.has(eventId)) continue;
    byId.set(eventId, { eventId, type, at, fields });
  }
  return [...byId.values()].sort(byTime);
}

export function byTime(a: ReferenceEvent, b: ReferenceEvent): number {
  return a.at - b.at || compareText(a.eventId, b.eventId);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `ts` as EVENTS.md allows it: epoch milliseconds, or RFC 3339 with an offset. */
export function epochMillis(ts: unknown): number | undefined {
  if (typeof ts === 'number') return Number.isFinite(ts) ? Math.floor(ts) : undefined;
  if (typeof ts !== 'string') return undefined;
  const parsed = DateTime.fromISO(ts.replace(' ', 'T'), { setZone: true });
  return parsed.isValid ? parsed.toMillis() : undefined;
}

/** A string field, with absent and empty both read as "none" (an anonymous caller, no category). */
export function text(fields: Readonly<Record<string, unknown>>, name: string): string | null {
  const value = fields[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The earliest event by time, then by the given rank of its type, then by eventId. */
export function earliest(events: readonly ReferenceEvent[], rank: Readonly<Record<string, number>> = {}): ReferenceEvent | null {
  let best: ReferenceEvent | null = null;
  for (const event of events) {
    if (best === null || compareEarliest(event, best, rank) < 0) best = event;
  }
  return best;
}

function compareEarliest(a: ReferenceEvent, b: ReferenceEvent, rank: Readonly<Record<string, number>>): number {
  return a.at - b.at || (rank[a.type] ?? 0) - (rank[b.type] ?? 0) || compareText(a.eventId, b.eventId);
}

export function groupItems<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
