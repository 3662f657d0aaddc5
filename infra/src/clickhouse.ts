import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { createChdbConnection } from 'chdb/connection';

/** Where ClickHouse lives: a server over HTTP (production) or the in-process engine (embedded). */
export type ClickHouseTarget =
  | { kind: 'server'; url: string; username?: string; password?: string; database: string }
  | { kind: 'embedded'; path: string; database: string };

export type { ClickHouseClient };

// Times come back as RFC 3339 UTC strings in both modes, so no caller parses ClickHouse's local format.
const OUTPUT_SETTINGS = { date_time_output_format: 'iso' } as const;

export type ClickHouseSettings = NonNullable<NonNullable<Parameters<typeof createClient>[0]>['clickhouse_settings']>;

/**
 * Opens a client on `target.database`, creating the database first if it is missing.
 * The rest of the product gets the same `@clickhouse/client` either way (DESIGN.md "Modes").
 * `settings` apply to every query of this client, e.g. the api's query limits.
 */
export async function openClickHouse(target: ClickHouseTarget, settings: ClickHouseSettings = {}): Promise<ClickHouseClient> {
  const clickhouseSettings = { ...settings, ...OUTPUT_SETTINGS };
  if (target.kind === 'server') {
    const bootstrap = createClient({ url: target.url, username: target.username, password: target.password });
    try {
      await bootstrap.command({
        query: 'CREATE DATABASE IF NOT EXISTS {database:Identifier}',
        query_params: { database: target.database },
      });
    } finally {
      await bootstrap.close();
    }
    return createClient({
      url: target.url,
      username: target.username,
      password: target.password,
      database: target.database,
      clickhouse_settings: clickhouseSettings,
    });
  }
  const client = createClient({ connection: embeddedConnection(target.path), clickhouse_settings: clickhouseSettings });
  await client.command({ query: 'CREATE DATABASE IF NOT EXISTS {database:Identifier}', query_params: { database: target.database } });
  // chdb ignores the client's `database` option; USE is per connection, so it scopes just this client.
  await client.command({ query: `USE ${quoteIdentifier(target.database)}` });
  return client;
}

/** Backtick-quotes an identifier for the few statements (USE) that take no query parameters. */
export function quoteIdentifier(name: string): string {
  return '`' + name.replace(/\\/g, '\\\\').replace(/`/g, '\\`') + '`';
}

type ClientConnection = NonNullable<Parameters<typeof createClient>[0]>['connection'];

function embeddedConnection(path: string): ClientConnection {
  // chdb types itself against @clickhouse/client-common 1.23.0 while the client bundles its own
  // copy of the same interface; they are one contract at run time, only the type identities differ.
  return createChdbConnection({ path }) as unknown as ClientConnection;
}
