import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import { openClickHouse } from './clickhouse';
import { CLUSTER_MIGRATIONS_DIR, loadClusterMigrations, migrateCluster } from './cluster-migrations';
import { loadMigrations, migrate } from './migrations';

const TABLE = /CREATE TABLE IF NOT EXISTS (\w+)/;

describe('cluster migrations', () => {
  const singleServer = loadMigrations();
  const cluster = loadClusterMigrations();

  it('give every single-server migration a cluster variant of the same version and name', () => {
    expect(cluster.map(({ version, name }) => `${version}_${name}`)).toEqual(singleServer.map(({ version, name }) => `${version}_${name}`));
  });

  it('create every table ON CLUSTER, replicated through Keeper, with events sharded behind a Distributed table', () => {
    singleServer.forEach((migration, index) => {
      const statements = cluster[index]!.statements;
      for (const statement of statements) expect(statement).toContain("ON CLUSTER '{cluster}'");
      for (const table of migration.statements.map((statement) => TABLE.exec(statement)?.[1]).filter(Boolean)) {
        const local = statements.find(
          (statement) => TABLE.exec(statement)?.[1] === table || TABLE.exec(statement)?.[1] === `${table}_local`,
        );
        expect(local).toMatch(/ENGINE = Replicated\w*MergeTree\('\/clickhouse\/tables\/[^']*', '\{replica\}'/);
      }
    });
    const events = cluster.find((migration) => migration.name === 'events')!.statements;
    expect(events.find((statement) => TABLE.exec(statement)?.[1] === 'events_local')).toContain("'/clickhouse/tables/{shard}/");
    expect(events.find((statement) => TABLE.exec(statement)?.[1] === 'events')).toMatch(
      /ENGINE = Distributed\('\{cluster\}', currentDatabase\(\), events_local, cityHash64\(tenant, if\(call_id = '', agent_id, call_id\)\)\)/,
    );
  });

  it('record the single-server checksums, so the services find the schema applied at start', async () => {
    const fake = recordingClient();
    const applied = await migrateCluster(fake.client);
    expect(applied.map((migration) => migration.checksum)).toEqual(singleServer.map((migration) => migration.checksum));
    expect(fake.commands[0]).toBe("CREATE DATABASE IF NOT EXISTS `site_a` ON CLUSTER '{cluster}'");
    expect(fake.commands[1]).toMatch(/^CREATE TABLE IF NOT EXISTS schema_migrations ON CLUSTER '\{cluster\}'[\s\S]*Replicated/);
    expect(fake.commands).toEqual(expect.arrayContaining(cluster.flatMap((migration) => migration.statements)));
    expect(fake.inserted).toEqual(singleServer.map(({ version, name, checksum }) => ({ version, name, checksum })));
  });

  // chdb runs no cluster, but it parses and builds the tables once ON CLUSTER and the Keeper
  // paths are taken out: each must match its single-server table column for column.
  it('keep the columns, sorting and partition keys of the single-server tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), `callboard-chdb-${process.pid}-`));
    const single = await openClickHouse({ kind: 'embedded', path: dir, database: 'single_server' });
    try {
      await migrate(single);
      const local = await openClickHouse({ kind: 'embedded', path: dir, database: 'cluster_local' });
      for (const statement of cluster.flatMap((migration) => migration.statements)) {
        await local.command({ query: withoutCluster(statement) });
      }
      await local.close();
      const describe = async (database: string) => rows(single, database);
      const [expected, actual] = [await describe('single_server'), await describe('cluster_local')];
      for (const [table, shape] of Object.entries(expected).filter(([table]) => table !== 'schema_migrations')) {
        expect({ table, ...actual[table === 'events' ? 'events_local' : table] }).toEqual({ table, ...shape });
      }
      expect(actual['events']!.columns).toEqual(expected['events']!.columns);
    } finally {
      await single.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('are read from infra/clickhouse/cluster', () => {
    expect(CLUSTER_MIGRATIONS_DIR).toMatch(/clickhouse[\\/]cluster$/);
  });
});

/** The statement as chdb can run it: no ON CLUSTER, plain MergeTree engines, the Distributed table as a Memory one. */
function withoutCluster(statement: string): string {
  return statement
    .replace(" ON CLUSTER '{cluster}'", '')
    .replace(
      /ENGINE = Replicated(\w*MergeTree)\('[^']*', '\{replica\}'(?:, (\w+))?\)/,
      (_, engine: string, version?: string) => `ENGINE = ${engine}${version ? `(${version})` : ''}`,
    )
    .replace(/ENGINE = Distributed\(.*\)$/m, 'ENGINE = Memory');
}

interface TableShape {
  columns: string[];
  sortingKey: string;
  partitionKey: string;
}

async function rows(client: ClickHouseClient, database: string): Promise<Record<string, TableShape>> {
  const result = await client.query({
    query: `SELECT t.name AS table, t.sorting_key AS sortingKey, t.partition_key AS partitionKey,
        arrayMap(c -> concat(c.1, ' ', c.2, ' ', c.3), arraySort(groupArray((c.name, c.type, c.default_expression)))) AS columns
      FROM system.tables AS t INNER JOIN system.columns AS c ON c.database = t.database AND c.table = t.name
      WHERE t.database = {database:String} GROUP BY t.name, t.sorting_key, t.partition_key`,
    query_params: { database },
    format: 'JSONEachRow',
  });
  const shapes = await result.json<TableShape & { table: string }>();
  return Object.fromEntries(shapes.map(({ table, ...shape }) => [table, shape]));
}

/** A client that answers currentDatabase() and an empty migration log, and records the rest. */
function recordingClient(): { client: ClickHouseClient; commands: string[]; inserted: unknown[] } {
  const commands: string[] = [];
  const inserted: unknown[] = [];
  const client = {
    query: async ({ query }: { query: string }) => ({
      json: async () => (query.includes('currentDatabase()') ? [{ database: 'site_a' }] : []),
    }),
    command: async ({ query }: { query: string }) => {
      commands.push(query);
    },
    insert: async ({ values }: { values: unknown[] }) => {
      inserted.push(...values);
    },
  };
  return { client: client as unknown as ClickHouseClient, commands, inserted };
}
