import { createHmac, randomBytes } from 'node:crypto';
import type { ClickHouseClient } from '@callboard/infra';

export type CustomerHasher = (customerId: string) => string;

/** customerId is stored only as HMAC-SHA256 keyed by PII_HASH_KEY, in hex (EVENTS.md, DESIGN.md). */
export function createCustomerHasher(key: string): CustomerHasher {
  return (customerId) => createHmac('sha256', key).update(customerId).digest('hex');
}

const SECRET_NAME = 'pii_hash_key';

/**
 * The configured PII_HASH_KEY, or else the one stored in ClickHouse, generating and storing
 * it on first start. Every instance reads the earliest stored key, so concurrent first
 * starts converge on one key (see migration 0003).
 */
export async function resolvePiiHashKey(client: ClickHouseClient, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const stored = await readStoredKey(client);
  if (stored) return stored;
  await client.insert({
    table: 'instance_secrets',
    values: [{ name: SECRET_NAME, value: randomBytes(32).toString('hex') }],
    format: 'JSONEachRow',
  });
  const key = await readStoredKey(client);
  if (!key) throw new Error('PII hash key was stored but cannot be read back');
  return key;
}

async function readStoredKey(client: ClickHouseClient): Promise<string | undefined> {
  const result = await client.query({
    query: 'SELECT argMin(value, (created_at, value)) AS value, count() AS n FROM instance_secrets WHERE name = {name:String}',
    query_params: { name: SECRET_NAME },
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ value: string; n: string | number }>();
  return row && Number(row.n) > 0 ? row.value : undefined;
}
