import { createHash, randomUUID } from 'node:crypto';
import type { Rejection } from '../contract';
import { toDateTime64 } from './normalise';
import type { CustomerHasher } from './pii';

/** Where a record came from: its Kafka coordinates, or the in-process source (HTTP, simulator). */
export type RecordOrigin =
  { source: 'kafka'; topic: string; partition: number; offset: string; key?: Buffer | string | null } | { source: 'http' | 'simulator' };

/** One row of the `dead_letters` table (migration 0002). */
export interface DeadLetterRow {
  dead_letter_id: string;
  received_at: string;
  source: string;
  topic: string;
  partition: number;
  offset: string;
  reason_code: string;
  reason: string;
  event_id: string;
  type: string;
  raw: string;
  raw_size: number;
  raw_sha256: string;
}

export const MAX_DEAD_LETTER_RAW_BYTES = 1024 * 1024;

const CUSTOMER_ID_FIELD = /("customerId"\s*:\s*")((?:[^"\\]|\\.)*)(")/g;

/**
 * The dead-letter row for a rejected record. The customer's number is replaced by its hash
 * even here (privacy is not suspended for bad input); everything else is kept as it came.
 */
export function toDeadLetterRow(
  raw: Buffer | string,
  rejection: Rejection,
  origin: RecordOrigin,
  receivedAt: number,
  hashCustomer: CustomerHasher,
): DeadLetterRow {
  const bytes = typeof raw === 'string' ? Buffer.from(raw) : raw;
  const text = bytes.subarray(0, MAX_DEAD_LETTER_RAW_BYTES).toString('utf8');
  const fromKafka = origin.source === 'kafka';
  return {
    dead_letter_id: fromKafka ? `kafka:${origin.topic}:${origin.partition}:${origin.offset}` : randomUUID(),
    received_at: toDateTime64(receivedAt),
    source: origin.source,
    topic: fromKafka ? origin.topic : '',
    partition: fromKafka ? origin.partition : -1,
    offset: fromKafka ? origin.offset : '-1',
    reason_code: rejection.code,
    // Through UTF-8: a JSON.parse message may quote half a surrogate pair, which ClickHouse would refuse on every retry.
    reason: Buffer.from(rejection.reason).toString('utf8'),
    event_id: stringField(text, 'eventId'),
    type: stringField(text, 'type'),
    raw: redactCustomerIds(text, hashCustomer),
    raw_size: bytes.length,
    raw_sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/**
 * The text with every customerId value replaced by `hmac-sha256:<hash>`: through the parsed
 * JSON when it parses (any depth, any value type, escaped key spellings), else by pattern,
 * including a value cut off by truncation and a bare number.
 */
export function redactCustomerIds(text: string, hashCustomer: CustomerHasher): string {
  const redacted = redactParsed(text, hashCustomer);
  if (redacted !== undefined) return redacted;
  const hashed = (value: string) => `hmac-sha256:${hashCustomer(value)}`;
  return text
    .replace(CUSTOMER_ID_FIELD, (_match, open: string, encoded: string, close: string) => {
      let value = encoded;
      try {
        value = JSON.parse(`"${encoded}"`) as string;
      } catch {
        // an invalid escape: hash the text as it stands, it is still never stored raw
      }
      return `${open}${hashed(value)}${close}`;
    })
    .replace(CUSTOMER_ID_BARE, (_match, open: string, value: string) => `${open}"${hashed(value)}"`)
    .replace(CUSTOMER_ID_CUT_OFF, (_match, open: string, value: string) => `${open}${hashed(value)}`);
}

const CUSTOMER_ID_BARE = /("customerId"\s*:\s*)([^\s",}\]]+)/g;
const CUSTOMER_ID_CUT_OFF = /("customerId"\s*:\s*")((?:[^"\\]|\\.)*)$/;

function redactParsed(text: string, hashCustomer: CustomerHasher): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  try {
    // Iterative, so that deeply nested garbage cannot exhaust the stack.
    const pending: object[] = [parsed];
    let changed = false;
    while (pending.length > 0) {
      const node = pending.pop() as Record<string, unknown>;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'customerId' && value !== null && value !== undefined && value !== '') {
          node[key] = `hmac-sha256:${hashCustomer(typeof value === 'string' ? value : JSON.stringify(value))}`;
          changed = true;
        } else if (typeof value === 'object' && value !== null) {
          pending.push(value);
        }
      }
    }
    return changed ? JSON.stringify(parsed) : text;
  } catch {
    return undefined; // too deep to hash or write back: the patterns below still redact it
  }
}

function stringField(text: string, field: string): string {
  const match = new RegExp(`"${field}"\\s*:\\s*"((?:[^"\\\\]|\\\\.){0,128})"`).exec(text);
  return match?.[1] ?? '';
}
