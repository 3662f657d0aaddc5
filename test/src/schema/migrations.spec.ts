import { loadMigrations, migrate } from '@callboard/infra';
import { resolvePiiHashKey } from '@callboard/ingest';
import { openTestClickHouse, queryRows, type TestClickHouse } from '../helpers/clickhouse';

describe('ClickHouse schema migrations', () => {
  let clickHouse: TestClickHouse;
  beforeEach(async () => {
    clickHouse = await openTestClickHouse({ migrated: false });
  });
  afterEach(() => clickHouse.dispose());

  it('applies every migration once, in version order, and records each', async () => {
    const migrations = loadMigrations();
    expect(migrations.map((migration) => migration.version)).toEqual([1, 2, 3, 4, 5, 6]);

    const applied = await migrate(clickHouse.client);
    expect(applied.map((migration) => migration.name)).toEqual([
      'events',
      'dead_letters',
      'instance_secrets',
      'queue_settings',
      'alerts',
      'access',
    ]);
    expect(await migrate(clickHouse.client)).toEqual([]); // idempotent: a second start applies nothing

    const recorded = await queryRows<{ version: number }>(
      clickHouse.client,
      'SELECT version FROM schema_migrations FINAL ORDER BY version',
    );
    expect(recorded.map((row) => Number(row.version))).toEqual([1, 2, 3, 4, 5, 6]);
    const tables = await queryRows<{ name: string }>(
      clickHouse.client,
      'SELECT name FROM system.tables WHERE database = currentDatabase() ORDER BY name',
    );
    expect(tables.map((table) => table.name)).toEqual([
      'alerts',
      'api_tokens',
      'audit_log',
      'dead_letters',
      'events',
      'instance_secrets',
      'queue_settings',
      'schema_migrations',
      'sessions',
      'users',
    ]);
  });

  it('refuses to start when an applied migration was edited afterwards', async () => {
    const migrations = loadMigrations();
    await migrate(clickHouse.client, migrations);
    const edited = migrations.map((migration, index) => (index === 0 ? { ...migration, checksum: 'edited' } : migration));
    await expect(migrate(clickHouse.client, edited)).rejects.toThrow(/1_events was changed after it was applied/);
  });

  it('re-running a half-applied migration (crash before its record) leaves the same schema', async () => {
    const [events] = loadMigrations();
    for (const statement of events!.statements) await clickHouse.client.command({ query: statement });
    await migrate(clickHouse.client);
    const [row] = await queryRows<{ n: string }>(
      clickHouse.client,
      "SELECT count() AS n FROM system.tables WHERE database = currentDatabase() AND name = 'events'",
    );
    expect(Number(row?.n)).toBe(1);
  });

  it('partitions events by month of their own time and sorts them for time-range and queue filters', async () => {
    await migrate(clickHouse.client);
    const [events] = await queryRows<{ engine: string; partition_key: string; sorting_key: string }>(
      clickHouse.client,
      "SELECT engine, partition_key, sorting_key FROM system.tables WHERE database = currentDatabase() AND name = 'events'",
    );
    expect(events).toEqual({
      engine: 'ReplacingMergeTree',
      partition_key: 'toYYYYMM(ts)',
      sorting_key: 'tenant, toStartOfHour(ts), queue, call_id, event_id',
    });
  });

  it('collapses re-inserted events to one row per eventId', async () => {
    await migrate(clickHouse.client);
    const row = (eventId: string, ts: string) => ({
      tenant: 'default',
      event_id: eventId,
      type: 'call.offered',
      ts,
      call_id: 'c-1',
      queue: 'billing',
      extra: '',
    });
    const rows = [row('e1', '2026-11-22 01:00:00.000'), row('e2', '2026-11-22 01:00:05.000'), row('e3', '2026-12-01 00:00:00.000')];
    for (let copy = 0; copy < 3; copy++) await clickHouse.client.insert({ table: 'events', values: rows, format: 'JSONEachRow' });

    const count = async (query: string) => Number((await queryRows<{ n: string }>(clickHouse.client, query))[0]?.n);
    expect(await count('SELECT count() AS n FROM events')).toBe(9); // before a merge every copy is there…
    expect(await count('SELECT count() AS n FROM events FINAL')).toBe(3); // …and FINAL reads one per eventId
    await clickHouse.client.command({ query: 'OPTIMIZE TABLE events FINAL' });
    expect(await count('SELECT count() AS n FROM events')).toBe(3); // a merge removes the copies for good
  });

  it('generates the PII hash key once and hands every instance the same one', async () => {
    await migrate(clickHouse.client);
    const [first, second] = await Promise.all([
      resolvePiiHashKey(clickHouse.client, undefined),
      resolvePiiHashKey(clickHouse.client, undefined),
    ]);
    const later = await resolvePiiHashKey(clickHouse.client, undefined);
    expect(later).toMatch(/^[0-9a-f]{64}$/);
    expect(first).toBe(later);
    expect(second).toBe(later);
    expect(await resolvePiiHashKey(clickHouse.client, 'configured-key-0123456789')).toBe('configured-key-0123456789');
  });
});
