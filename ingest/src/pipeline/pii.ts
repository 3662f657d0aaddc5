import { createHmac } from 'node:crypto';
import { resolveInstanceSecret, type ClickHouseClient } from '@callboard/infra';

export type CustomerHasher = (customerId: string) => string;

/** customerId is stored only as HMAC-SHA256 keyed by PII_HASH_KEY, in hex (EVENTS.md, DESIGN.md). */
export function createCustomerHasher(key: string): CustomerHasher {
  return (customerId) => createHmac('sha256', key).update(customerId).digest('hex');
}

/**
 * The configured PII_HASH_KEY, or else the one stored in ClickHouse, generating and storing
 * it on first start, so that every instance hashes a caller to the same value.
 */
export function resolvePiiHashKey(client: ClickHouseClient, configured: string | undefined): Promise<string> {
  return resolveInstanceSecret(client, 'pii_hash_key', configured);
}
