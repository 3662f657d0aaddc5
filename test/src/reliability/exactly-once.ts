import type { ClickHouseClient } from '@callboard/infra';
import { startTestApi } from '../helpers/api-harness';
import { queryRows } from '../helpers/clickhouse';
import { epochMillis } from '../reference/reference-events';
import { referenceMetrics, type GroupBy, type Metrics } from '../reference/reference-metrics';
import { NOW, PERIOD, TIMEZONE, type GeneratedEvent } from './scenario-events';

export interface ExactlyOnceCheck {
  /** A client on the database the scenario ingested into. */
  client: ClickHouseClient;
  database: string;
  /** The clean set: every valid event of the scenario, once. */
  events: readonly GeneratedEvent[];
  now: number;
  timezone: string;
  period: { from: string; to: string };
  /** The groupings asked of GET /metrics besides the totals. */
  groupBy: GroupBy[];
}

/**
 * The end of every fault scenario. The product promises at-least-once delivery plus eventId
 * dedup, which is exactly-once as stored and counted:
 * 1. the raw `events` table (no FINAL) holds exactly the clean set's ids, none missing and
 *    none foreign; read with FINAL, each id is one row with its own type and time; after
 *    OPTIMIZE … FINAL the physical table holds n rows, so every extra copy was a true
 *    duplicate the ReplacingMergeTree collapses, never a second row a reader could count;
 * 2. GET /metrics (an api on the same database) equals the independent reference computed
 *    from the clean set, for the totals and each grouping.
 */
export async function expectExactlyOnce(check: ExactlyOnceCheck): Promise<void> {
  await expectEachEventStoredOnce(check.client, check.events);
  await expectApiMetricsOfCleanSet(check);
}

/** The same check for a scenario on the shared event set (scenario-events.ts): its day, zone and period, by queue and day. */
export function expectScenarioExactlyOnce(client: ClickHouseClient, database: string, events: readonly GeneratedEvent[]): Promise<void> {
  return expectExactlyOnce({ client, database, events, now: NOW, timezone: TIMEZONE, period: PERIOD, groupBy: ['queue', 'day'] });
}

async function expectEachEventStoredOnce(client: ClickHouseClient, events: readonly GeneratedEvent[]): Promise<void> {
  const expected = new Map(events.map((event) => [event.eventId, { type: event.type, at: epochMillis(event.ts) }]));
  expect(expected.size).toBe(events.length); // the clean set itself has no repeats

  const ids = await queryRows<{ event_id: string }>(client, 'SELECT DISTINCT event_id FROM events');
  const stored = new Set(ids.map((row) => row.event_id));
  expect({ missing: [...expected.keys()].filter((id) => !stored.has(id)) }).toEqual({ missing: [] });
  expect({ foreign: [...stored].filter((id) => !expected.has(id)) }).toEqual({ foreign: [] });

  const final = await queryRows<{ event_id: string; type: string; at: string }>(
    client,
    'SELECT event_id, type, toUnixTimestamp64Milli(ts) AS at FROM events FINAL',
  );
  expect(final.length).toBe(events.length);
  const wrong = final.filter((row) => {
    const event = expected.get(row.event_id);
    return event?.type !== row.type || event.at !== Number(row.at);
  });
  expect({ storedDifferently: wrong.slice(0, 5) }).toEqual({ storedDifferently: [] });

  await client.command({ query: 'OPTIMIZE TABLE events FINAL' });
  const [merged] = await queryRows<{ n: string }>(client, 'SELECT count() AS n FROM events');
  expect(Number(merged?.n)).toBe(events.length);
}

interface MetricsAnswer {
  totals: Record<string, unknown>;
  groups: Array<{ key: Record<string, string | null> } & Record<string, unknown>>;
}

async function expectApiMetricsOfCleanSet(check: ExactlyOnceCheck): Promise<void> {
  const api = await startTestApi({ database: check.database, keepDatabase: true, now: () => check.now, timezone: check.timezone });
  try {
    for (const groupBy of [undefined, ...check.groupBy]) {
      const response = await api.get<MetricsAnswer>('/metrics', { ...check.period, tz: check.timezone, groupBy });
      expect(response.status).toBe(200);
      const reference = referenceMetrics(check.events, {
        ...check.period,
        timezone: check.timezone,
        groupBy,
        now: check.now,
      });
      const where = groupBy ?? 'totals';
      const found = differences(response.body.totals, reference.totals, `${where}: totals`);
      const expectedGroups = new Map(reference.groups.map((group) => [keyText(group.key), group.metrics]));
      expect({ [where]: response.body.groups.map((group) => keyText(group.key)).sort() }).toEqual({
        [where]: [...expectedGroups.keys()].sort(),
      });
      for (const group of response.body.groups) {
        const metrics = expectedGroups.get(keyText(group.key));
        if (metrics) found.push(...differences(group, metrics, `${where}: ${keyText(group.key)}`));
      }
      expect(found).toEqual([]);
    }
  } finally {
    await api.close();
  }
}

/** Every METRICS.md figure that differs, as "where.field: api X, reference Y"; within 1e-6 relative. */
export function differences(actual: Record<string, unknown>, expected: Metrics, where: string): string[] {
  const found: string[] = [];
  for (const [field, value] of Object.entries(expected) as Array<[string, number | null]>) {
    if (!closeEnough(actual[field], value)) found.push(`${where}.${field}: api ${String(actual[field])}, reference ${value}`);
  }
  return found;
}

function closeEnough(actual: unknown, expected: number | null): boolean {
  if (expected === null || typeof actual !== 'number') return actual === expected;
  return Math.abs(actual - expected) <= 1e-6 * Math.max(Math.abs(actual), Math.abs(expected));
}

/** A group's key as text; a bucket by its instant ("…Z" and "…+00:00" are one hour). */
function keyText(key: Record<string, string | null>): string {
  const entries = Object.entries(key).map(([name, value]) => [name, name === 'bucket' && value ? Date.parse(value) : value]);
  return JSON.stringify(entries.sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)));
}

/** Distinct event ids in the raw table: what has been written, duplicates aside. */
export async function storedEvents(client: ClickHouseClient): Promise<number> {
  const [row] = await queryRows<{ n: string }>(client, 'SELECT uniqExact(event_id) AS n FROM events');
  return Number(row?.n);
}
