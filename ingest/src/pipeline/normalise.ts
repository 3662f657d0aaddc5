import { KNOWN_FIELDS, type CallEvent } from '../contract';
import type { CustomerHasher } from './pii';

/** One row of the `events` table (infra/clickhouse/migrations/0001_events.sql). */
export interface EventRow {
  tenant: string;
  event_id: string;
  type: string;
  ts: string;
  call_id: string;
  queue: string;
  agent_id: string;
  customer_hash: string;
  category: string;
  channel: string;
  reason: string;
  to_queue: string;
  ended_by: string;
  wrapup: boolean | null;
  disposition: string;
  score: number | null;
  resolved: boolean | null;
  state: string;
  team: string;
  extra: string;
}

/** A validated event as a table row: ts as a UTC DateTime64 literal, customerId hashed, extras as JSON. */
export function toEventRow(event: CallEvent, hashCustomer: CustomerHasher): EventRow {
  const fields = event as Record<string, unknown>;
  const text = (key: string): string => (typeof fields[key] === 'string' ? (fields[key] as string) : '');
  const optionalBoolean = (key: string): boolean | null => (typeof fields[key] === 'boolean' ? (fields[key] as boolean) : null);
  const customerId = text('customerId');
  return {
    tenant: event.tenant,
    event_id: event.eventId,
    type: event.type,
    ts: toDateTime64(event.ts),
    call_id: text('callId'),
    queue: text('queue'),
    agent_id: text('agentId'),
    customer_hash: customerId ? hashCustomer(customerId) : '',
    category: text('category'),
    channel: text('channel'),
    reason: text('reason'),
    to_queue: text('toQueue'),
    ended_by: text('endedBy'),
    wrapup: optionalBoolean('wrapup'),
    disposition: text('disposition'),
    // Only a survey's score is validated (1–5): any other event's `score` is an unknown extra, and would not fit UInt8.
    score: event.type === 'survey.completed' ? event.score : null,
    resolved: optionalBoolean('resolved'),
    state: text('state'),
    team: text('team'),
    extra: extraFields(event, hashCustomer),
  };
}

/** ClickHouse reads 'YYYY-MM-DD hh:mm:ss.sss' into DateTime64(3, 'UTC') without any parsing mode. */
export function toDateTime64(epochMillis: number): string {
  return new Date(epochMillis).toISOString().slice(0, 23).replace('T', ' ');
}

function extraFields(event: CallEvent, hashCustomer: CustomerHasher): string {
  const known = KNOWN_FIELDS[event.type];
  let extra: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(event)) {
    if (!known.has(key)) (extra ??= {})[key] = value;
  }
  // A customerId where the contract has none (another event type, nested) is still a caller's number.
  const hashCustomerIds = (key: string, value: unknown) =>
    key === 'customerId' && value !== null && value !== ''
      ? `hmac-sha256:${hashCustomer(typeof value === 'string' ? value : JSON.stringify(value))}`
      : value;
  return extra ? JSON.stringify(extra, hashCustomerIds) : '';
}
