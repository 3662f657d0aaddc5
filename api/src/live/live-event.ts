import type { CallEvent, EventRow } from '@callboard/ingest';

/** The fields of an event that the live state reads (METRICS.md "Live"), whatever source it came from. */
export interface LiveEvent {
  tenant: string;
  eventId: string;
  type: string;
  /** Epoch ms. */
  ts: number;
  callId: string;
  queue: string;
  agentId: string;
  state: string;
  team: string;
  reason: string;
}

/** From a row the embedded pipeline has just written (ts is a UTC 'YYYY-MM-DD hh:mm:ss.sss' literal). */
export function liveEventFromRow(row: EventRow): LiveEvent {
  return {
    tenant: row.tenant,
    eventId: row.event_id,
    type: row.type,
    ts: Date.parse(`${row.ts.replace(' ', 'T')}Z`),
    callId: row.call_id,
    queue: row.queue,
    agentId: row.agent_id,
    state: row.state,
    team: row.team,
    reason: row.reason,
  };
}

/** From a validated event as decoded off the events topic. */
export function liveEventFromCallEvent(event: CallEvent): LiveEvent {
  const fields = event as Record<string, unknown>;
  const text = (key: string): string => (typeof fields[key] === 'string' ? (fields[key] as string) : '');
  return {
    tenant: event.tenant,
    eventId: event.eventId,
    type: event.type,
    ts: event.ts,
    callId: text('callId'),
    queue: text('queue'),
    agentId: text('agentId'),
    state: text('state'),
    team: text('team'),
    reason: text('reason'),
  };
}
