import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';

export interface Migration {
  version: number;
  name: string;
  statements: string[];
  checksum: string;
}

export const MIGRATIONS_DIR = join(__dirname, '..', 'clickhouse', 'migrations');

/** Reads `NNNN_name.sql` files in version order; statements are separated by a `;` that ends a line. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.slice(5, -4),
        statements: splitStatements(sql),
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

/** Statements of one SQL file: comment lines dropped, split at each `;` that ends a line. */
export function splitStatements(sql: string): string[] {
  const withoutComments = sql
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n');
  return withoutComments
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/**
 * Applies every migration not yet recorded in `schema_migrations`, in order.
 * Each statement is idempotent (IF NOT EXISTS), so two instances starting at once, or a
 * crash between a statement and its record, leave the same schema behind.
 */
export async function migrate(client: ClickHouseClient, migrations: Migration[] = loadMigrations()): Promise<Migration[]> {
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS schema_migrations (
      version UInt32, name String, checksum String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3)
    ) ENGINE = ReplacingMergeTree ORDER BY version`,
  });
  const applied = await appliedMigrations(client);
  const pending: Migration[] = [];
  for (const migration of migrations) {
    const appliedChecksum = applied.get(migration.version);
    if (appliedChecksum === undefined) {
      pending.push(migration);
    } else if (appliedChecksum !== migration.checksum) {
      throw new Error(`migration ${migration.version}_${migration.name} was changed after it was applied; add a new migration instead`);
    }
  }
  for (const migration of pending) {
    for (const statement of migration.statements) {
      await client.command({ query: statement });
    }
    await client.insert({
      table: 'schema_migrations',
      values: [{ version: migration.version, name: migration.name, checksum: migration.checksum }],
      format: 'JSONEachRow',
    });
  }
  return pending;
}

async function appliedMigrations(client: ClickHouseClient): Promise<Map<number, string>> {
  const result = await client.query({
    query: 'SELECT version, argMax(checksum, applied_at) AS checksum FROM schema_migrations GROUP BY version',
    format: 'JSONEachRow',
  });
  const rows = await result.json<{ version: number; checksum: string }>();
  return new Map(rows.map((row) => [Number(row.version), row.checksum]));
}
