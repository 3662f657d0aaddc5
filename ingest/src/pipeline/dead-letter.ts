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
    reason: rejection.reason,
    event_id: stringField(text, 'eventId'),
    type: stringField(text, 'type'),
    raw: redactCustomerIds(text, hashCustomer),
    raw_size: bytes.length,
    raw_sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

export function redactCustomerIds(text: string, hashCustomer: CustomerHasher): string {
  return text.replace(CUSTOMER_ID_FIELD, (_match, open: string, encoded: string, close: string) => {
    let value = encoded;
    try {
      value = JSON.parse(`"${encoded}"`) as string;
    } catch {
      // an invalid escape: hash the text as it stands, it is still never stored raw
    }
    return `${open}hmac-sha256:${hashCustomer(value)}${close}`;
  });
}

function stringField(text: string, field: string): string {
  const match = new RegExp(`"${field}"\\s*:\\s*"((?:[^"\\\\]|\\\\.){0,128})"`).exec(text);
  return match?.[1] ?? '';
}
