import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations } from './migrations';

describe('loadMigrations', () => {
  it('reads NNNN_name.sql files in version order, one entry per statement, without comment lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    writeFileSync(join(dir, '0002_second.sql'), 'CREATE TABLE b (x UInt8) ENGINE = Memory;\n');
    writeFileSync(
      join(dir, '0001_first.sql'),
      "-- why: a comment; with a semicolon\nCREATE TABLE a (x String DEFAULT 'a;b') ENGINE = Memory;\nCREATE TABLE c (x UInt8) ENGINE = Memory;\n",
    );
    writeFileSync(join(dir, 'notes.txt'), 'not a migration');

    const migrations = loadMigrations(dir);
    expect(migrations.map(({ version, name }) => ({ version, name }))).toEqual([
      { version: 1, name: 'first' },
      { version: 2, name: 'second' },
    ]);
    expect(migrations[0]!.statements).toEqual([
      "CREATE TABLE a (x String DEFAULT 'a;b') ENGINE = Memory",
      'CREATE TABLE c (x UInt8) ENGINE = Memory',
    ]);
    expect(migrations[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(loadMigrations(dir)[0]!.checksum).toBe(migrations[0]!.checksum);
  });

  it('ships the product schema: events, dead letters, instance secrets, queue settings, alerts, access control', () => {
    expect(loadMigrations().map((migration) => `${migration.version}_${migration.name}`)).toEqual([
      '1_events',
      '2_dead_letters',
      '3_instance_secrets',
      '4_queue_settings',
      '5_alerts',
      '6_access',
    ]);
  });
});
