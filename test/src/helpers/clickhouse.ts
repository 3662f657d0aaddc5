import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openClickHouse, type ClickHouseClient } from '@callboard/infra';

// chdb binds one data directory per process, and Jest reuses a worker process across test
// files: so one directory per worker process, and a fresh database inside it per suite.
export const WORKER_DATA_DIR = join(tmpdir(), `callboard-chdb-${process.pid}`);
process.once('exit', () => rmSync(WORKER_DATA_DIR, { recursive: true, force: true }));

export interface TestClickHouse {
  client: ClickHouseClient;
  database: string;
  /** Drops the database and closes the client. */
  dispose(): Promise<void>;
}

/** A new, migrated database in the real ClickHouse engine (chdb), for one suite. */
export async function openTestClickHouse(options: { migrated?: boolean } = {}): Promise<TestClickHouse> {
  const database = `test_${randomBytes(6).toString('hex')}`;
  const client = await openClickHouse({ kind: 'embedded', path: WORKER_DATA_DIR, database });
  if (options.migrated !== false) await migrate(client);
  return {
    client,
    database,
    dispose: async () => {
      await client.command({ query: 'DROP DATABASE IF EXISTS {database:Identifier} SYNC', query_params: { database } });
      await client.close();
    },
  };
}

/** Rows of a query, for assertions. */
export async function queryRows<T>(client: ClickHouseClient, query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await client.query({ query, query_params: params, format: 'JSONEachRow' });
  return result.json<T>();
}
