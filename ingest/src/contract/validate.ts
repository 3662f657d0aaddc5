import type { z } from 'zod';
import { EVENT_TYPES, eventSchemas, type CallEvent, type EventType } from './schema';

/** Why an event was rejected; also the `reason` label of the rejected-events counter. */
export type RejectionCode =
  'invalid_json' | 'not_an_object' | 'too_large' | 'missing_field' | 'wrong_type' | 'out_of_range' | 'invalid_value' | 'unknown_type';

export interface Rejection {
  code: RejectionCode;
  /** e.g. `missing_field: callId` — the code, then what exactly was wrong. */
  reason: string;
}

export type Validation = { ok: true; event: CallEvent } | { ok: false; rejection: Rejection };

/** EVENTS.md: a `ts` more than 24 h ahead of the ingester's clock is rejected. */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;
/** Larger messages are rejected before parsing, so one huge value cannot stall the pipeline. */
export const MAX_EVENT_BYTES = 1024 * 1024;
/** No call event nests deeper; deeper extras would overflow the stack when stored as JSON. */
export const MAX_EVENT_DEPTH = 32;

export function reject(code: RejectionCode, detail: string): { ok: false; rejection: Rejection } {
  return { ok: false, rejection: { code, reason: `${code}: ${detail}` } };
}

/** Validates one parsed JSON value against EVENTS.md, judging "the future" against `now`. */
export function validateEvent(value: unknown, now: number): Validation {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return reject('not_an_object', `expected a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`);
  }
  const unstorable = unstorableContent(value);
  if (unstorable) return reject('invalid_value', unstorable);
  const record = value as Record<string, unknown>;
  const type = record['type'];
  if (type === undefined || type === null) return reject('missing_field', 'type');
  if (typeof type !== 'string') return reject('wrong_type', `type must be a string, got ${typeof type}`);
  if (!(EVENT_TYPES as string[]).includes(type)) return reject('unknown_type', `"${type.slice(0, 64)}" is not an event type`);

  const parsed = eventSchemas[type as EventType].safeParse(record);
  if (!parsed.success) return rejectionFromIssue(record, parsed.error.issues[0]!);
  const event = parsed.data as CallEvent;
  if (event.ts > now + MAX_FUTURE_MS) {
    // Epoch milliseconds beyond year 275760 have no ISO form (toISOString would throw).
    const when = Number.isNaN(new Date(event.ts).getTime()) ? `${event.ts} ms` : new Date(event.ts).toISOString();
    return reject('out_of_range', `ts ${when} is more than 24 h in the future`);
  }
  return { ok: true, event };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What ClickHouse could never store, found before it poisons a batch (whose insert would then
 * be retried forever): text with a lone surrogate (not Unicode), or absurdly deep nesting.
 * Iterative, so that deep input cannot exhaust the stack here either.
 */
function unstorableContent(value: object): string | undefined {
  const pending: Array<[unknown, number]> = [[value, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    if (typeof node === 'string' && LONE_SURROGATE.test(node)) return 'text with a lone surrogate is not Unicode';
    if (typeof node !== 'object' || node === null) continue;
    if (depth > MAX_EVENT_DEPTH) return `nested deeper than ${MAX_EVENT_DEPTH} levels`;
    for (const [key, child] of Object.entries(node)) {
      if (LONE_SURROGATE.test(key)) return 'text with a lone surrogate is not Unicode';
      pending.push([child, depth + 1]);
    }
  }
  return undefined;
}

function rejectionFromIssue(record: Record<string, unknown>, issue: z.core.$ZodIssue): { ok: false; rejection: Rejection } {
  const field = issue.path.join('.') || '(event)';
  const given = issue.path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], record);
  // A reason is stored and answered: a caller's number, even of the wrong type, is never quoted in it.
  const shown = issue.path.includes('customerId') ? 'a value not shown here' : describe(given);
  // zod reports an absent enum as invalid_value and an absent string as invalid_type: both are missing.
  if ((given === undefined || given === null) && issue.code !== 'custom') return reject('missing_field', field);
  switch (issue.code) {
    case 'invalid_type':
      return reject('wrong_type', `${field} must be ${issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`}, got ${shown}`);
    case 'too_small':
      if (given === '') return reject('missing_field', `${field} is empty`);
      return reject('out_of_range', `${field}: ${issue.message}`);
    case 'too_big':
      return reject('out_of_range', `${field}: ${issue.message}`);
    case 'invalid_value':
      return reject('invalid_value', `${field} must be one of ${issue.values.map(String).join(', ')}, got ${shown}`);
    case 'custom': {
      const code = (issue.params?.['reasonCode'] as RejectionCode | undefined) ?? 'invalid_value';
      return reject(code, code === 'missing_field' ? field : `${field}: ${issue.message}`);
    }
    default:
      return reject('invalid_value', `${field}: ${issue.message}`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

/** Bytes from the wire → a valid event or the reason it is not one. */
export function decodeEvent(raw: Buffer | string, now: number): Validation {
  const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.length;
  if (size > MAX_EVENT_BYTES) return reject('too_large', `${size} bytes is over the ${MAX_EVENT_BYTES}-byte limit`);
  let value: unknown;
  try {
    value = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
  } catch (error) {
    // Deeply nested input makes JSON.parse throw RangeError; it is bad JSON all the same.
    return reject('invalid_json', error instanceof Error ? error.message.slice(0, 200) : 'unparseable');
  }
  return validateEvent(value, now);
}
