import { randomBytes } from 'node:crypto';
import type { ClickHouseClient } from '@clickhouse/client';

/**
 * A secret shared by every instance through the database (table `instance_secrets`): the
 * configured value if there is one, else the stored one, generating and storing it on first
 * start. Every instance reads the earliest stored row, so concurrent first starts converge on
 * one value (see migration 0003).
 */
export async function resolveInstanceSecret(client: ClickHouseClient, name: string, configured?: string): Promise<string> {
  if (configured) return configured;
  const stored = await readStoredSecret(client, name);
  if (stored) return stored;
  await client.insert({
    table: 'instance_secrets',
    values: [{ name, value: randomBytes(32).toString('hex') }],
    format: 'JSONEachRow',
  });
  const secret = await readStoredSecret(client, name);
  if (!secret) throw new Error(`the secret ${name} was stored but cannot be read back`);
  return secret;
}

async function readStoredSecret(client: ClickHouseClient, name: string): Promise<string | undefined> {
  const result = await client.query({
    query: 'SELECT argMin(value, (created_at, value)) AS value, count() AS n FROM instance_secrets WHERE name = {name:String}',
    query_params: { name },
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ value: string; n: string | number }>();
  return row && Number(row.n) > 0 ? row.value : undefined;
}
