import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import { quoteIdentifier } from './clickhouse';
import { loadMigrations, migrate, MIGRATIONS_DIR, splitStatements, type Migration } from './migrations';

/** Replicated / Distributed variants of the migrations, for a ClickHouse cluster (infra/README.md). */
export const CLUSTER_MIGRATIONS_DIR = join(__dirname, '..', 'clickhouse', 'cluster');

/**
 * The cluster variant of every migration, each carrying the checksum of the single-server file it
 * stands for: the services' own migrate() at start then finds every version recorded and runs
 * nothing, and still refuses a single-server file changed after it was applied.
 */
export function loadClusterMigrations(clusterDir = CLUSTER_MIGRATIONS_DIR, singleServerDir = MIGRATIONS_DIR): Migration[] {
  const variants = new Map(loadMigrations(clusterDir).map((migration) => [`${migration.version}_${migration.name}`, migration]));
  return loadMigrations(singleServerDir).map((migration) => {
    const variant = variants.get(`${migration.version}_${migration.name}`);
    if (!variant) {
      throw new Error(`migration ${migration.version}_${migration.name} has no cluster variant in ${clusterDir}`);
    }
    return { ...variant, checksum: migration.checksum };
  });
}

/**
 * Creates the client's database and the replicated migration log on every node ON CLUSTER
 * '{cluster}', then applies the cluster variants not yet recorded, from this one node.
 */
export async function migrateCluster(
  client: ClickHouseClient,
  migrations: Migration[] = loadClusterMigrations(),
  clusterDir = CLUSTER_MIGRATIONS_DIR,
): Promise<Migration[]> {
  const result = await client.query({ query: 'SELECT currentDatabase() AS database', format: 'JSONEachRow' });
  const [row] = await result.json<{ database: string }>();
  await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${quoteIdentifier(row!.database)} ON CLUSTER '{cluster}'` });
  for (const statement of splitStatements(readFileSync(join(clusterDir, 'schema_migrations.sql'), 'utf8'))) {
    await client.command({ query: statement });
  }
  return migrate(client, migrations);
}
