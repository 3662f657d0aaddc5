// API query latency over ~10 million events (~2.3 million calls over 120 days): /metrics daily
// over 30 days, /metrics/compare a month against the one before, /trends per agent per day over
// 90 days; each beside the same SQL run straight through the ClickHouse client in the same run.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { API_PREFIX, createApiApp, loadApiConfig, MetricsRepository, SettingsService, toSqlSettings } from '@callboard/api';
import { WORKER_DATA_DIR } from '../helpers/clickhouse';
import { TEST_BOOTSTRAP_TOKEN } from '../helpers/test-token';

const CALLS = 2_300_000;
const AGENTS = 200;
const DATA_START = Date.parse('2026-07-25T00:00:00+08:00');
const DATA_DAYS = 120;
const SAMPLES = 8;

export interface LatencyFigures {
  p50Ms: number;
  p95Ms: number;
  samples: number;
}

export interface ApiQueryBenchmark {
  events: number;
  calls: number;
  loadSeconds: number;
  metricsDaily30d: { api: LatencyFigures; sql: LatencyFigures };
  compareMonth: { api: LatencyFigures; sql: LatencyFigures };
  trendsAgentDaily90d: { api: LatencyFigures; sql: LatencyFigures };
}

// Calls generated inside ClickHouse from numbers(): each call's figures from hashes of its number,
// so the set is reproducible and loads in seconds.
const INSERT_CALLS = `
INSERT INTO events (tenant, event_id, type, ts, call_id, queue, agent_id, customer_hash, category, channel, disposition, score, wrapup, resolved)
SELECT 'default', concat(call_id, '-', toString(e.1)), e.2, e.3, call_id, queue,
  if(e.2 IN ('call.offered', 'call.abandoned', 'call.flowed_out', 'survey.completed'), '', agent),
  if(e.2 = 'call.offered', customer, ''), if(e.2 = 'call.offered', category, ''), if(e.2 = 'call.offered', 'voice', ''),
  if(e.2 = 'call.wrapup_completed', disposition, ''), if(e.2 = 'survey.completed', score, NULL), NULL, NULL
FROM (
  SELECT concat('c', toString(number)) AS call_id,
    {start:DateTime64(3, 'UTC')} + toIntervalMillisecond(intDiv(number * {spanMs:UInt64}, {calls:UInt64})) AS offered_at,
    concat('q', toString(cityHash64(number, 1) % 10)) AS queue,
    concat('a', toString(cityHash64(number, 2) % ${AGENTS})) AS agent,
    if(cityHash64(number, 3) % 10 = 0, '', hex(cityHash64(cityHash64(number, 4) % 400000))) AS customer,
    ['emergency', 'complaint', 'inquiry', 'consultation', 'fault', 'order', 'cancellation'][cityHash64(number, 5) % 7 + 1] AS category,
    cityHash64(number, 6) % 100 AS roll,
    offered_at + toIntervalMillisecond(cityHash64(number, 7) % 60000) AS outcome_at,
    cityHash64(number, 10) % 100 < 30 AS held,
    toInt64(if(held, 5000 + cityHash64(number, 11) % 60000, 0)) AS hold_ms,
    outcome_at + toIntervalMillisecond(60000 + cityHash64(number, 8) % 540000 + hold_ms) AS ended_at,
    ended_at + toIntervalMillisecond(cityHash64(number, 9) % 120000) AS wrapped_at,
    ['resolved', 'resolved', 'resolved', 'unresolved', 'escalated', 'callback_scheduled'][cityHash64(number, 13) % 6 + 1] AS disposition,
    toUInt8(1 + cityHash64(number, 14) % 5) AS score,
    arrayFilter(x -> x.4, [
      (1, 'call.offered', offered_at, true),
      (2, 'call.answered', outcome_at, roll < 85),
      (3, 'call.abandoned', outcome_at, roll >= 85 AND roll < 95),
      (4, 'call.flowed_out', outcome_at, roll >= 95 AND roll < 98),
      (5, 'call.hold_started', outcome_at + toIntervalSecond(30), roll < 85 AND held),
      (6, 'call.hold_ended', outcome_at + toIntervalMillisecond(30000 + hold_ms), roll < 85 AND held),
      (7, 'call.ended', ended_at, roll < 85),
      (8, 'call.wrapup_completed', wrapped_at, roll < 85),
      (9, 'survey.completed', wrapped_at + toIntervalSecond(60), roll < 85 AND cityHash64(number, 12) % 100 < 20)
    ]) AS timeline
  FROM numbers({calls:UInt64})
) ARRAY JOIN timeline AS e`;

// Every agent changes state every 30 minutes, cycling through the day's states.
const INSERT_AGENT_STATES = `
INSERT INTO events (tenant, event_id, type, ts, agent_id, state, team, wrapup, score, resolved)
SELECT 'default', concat('s', toString(number)), 'agent.state_changed',
  {start:DateTime64(3, 'UTC')} + toIntervalMinute(intDiv(number, ${AGENTS}) * 30),
  concat('a', toString(number % ${AGENTS})),
  ['available', 'on_call', 'wrap_up', 'available', 'on_call', 'break', 'on_call', 'offline'][cityHash64(number) % 8 + 1],
  concat('team-', toString(number % ${AGENTS} % 10)), NULL, NULL, NULL
FROM numbers({states:UInt64})`;

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

async function latency(run: () => Promise<unknown>): Promise<LatencyFigures> {
  await run(); // warm-up: first-touch of parts and marks
  const times: number[] = [];
  for (let sample = 0; sample < SAMPLES; sample++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: Math.round(percentile(times, 0.5)), p95Ms: Math.round(percentile(times, 0.95)), samples: SAMPLES };
}

export async function measureApiQueries(log: (line: string) => void): Promise<ApiQueryBenchmark> {
  const database = `bench_api_${randomBytes(4).toString('hex')}`;
  const config = loadApiConfig({
    CLICKHOUSE_PATH: WORKER_DATA_DIR,
    CLICKHOUSE_DATABASE: database,
    LOG_LEVEL: 'silent',
    CALLBOARD_BOOTSTRAP_TOKEN: TEST_BOOTSTRAP_TOKEN,
    CALLBOARD_RATE_LIMIT_PER_MINUTE: '100000000',
  });
  const api = await createApiApp(config);
  const clickHouse = api.runtime.clickHouse;
  try {
    await api.app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}/${API_PREFIX}`;
    const loadStarted = performance.now();
    const start = new Date(DATA_START).toISOString().replace('T', ' ').slice(0, 23);
    const spanMs = DATA_DAYS * 86_400_000;
    await clickHouse.command({ query: INSERT_CALLS, query_params: { start, spanMs, calls: CALLS } });
    await clickHouse.command({ query: INSERT_AGENT_STATES, query_params: { start, states: AGENTS * DATA_DAYS * 48 } });
    await clickHouse.command({ query: 'OPTIMIZE TABLE events FINAL' });
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const counted = await clickHouse.query({ query: 'SELECT count() AS events FROM events', format: 'JSONEachRow' });
    const events = Number((await counted.json<{ events: string }>())[0]?.events);
    log(`api bench: ${events} events loaded in ${loadSeconds.toFixed(1)} s`);

    const get = async (path: string, query: Record<string, string>) => {
      const response = await fetch(`${baseUrl}${path}?${new URLSearchParams(query)}`, {
        headers: { authorization: `Bearer ${TEST_BOOTSTRAP_TOKEN}` },
      });
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
      return response.json();
    };
    const repository = api.app.get(MetricsRepository);
    const settings = toSqlSettings(await api.app.get(SettingsService).get('default'));
    const noFilters = { queues: [], agents: [], teams: [], categories: [] };
    const sums = (from: string, to: string, grouping: object) =>
      repository.sums({
        tenant: 'default',
        from: Date.parse(from),
        to: Date.parse(to),
        timezone: 'Asia/Shanghai',
        now: Date.now(),
        grouping,
        filters: noFilters,
        settings,
      });

    const last30 = { from: '2026-10-23T00:00:00+08:00', to: '2026-11-22T00:00:00+08:00' };
    const metricsDaily30d = {
      api: await latency(() => get('/metrics', { ...last30, groupBy: 'day' })),
      sql: await latency(() => sums(last30.from, last30.to, { bucket: 'day' })),
    };
    log(`api bench: /metrics daily over 30 days ${JSON.stringify(metricsDaily30d)}`);
    const october = { from: '2026-10-01T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00' };
    const compareMonth = {
      api: await latency(() => get('/metrics/compare', { ...october, against: 'previous' })),
      sql: await latency(() => Promise.all([sums(october.from, october.to, {}), sums('2026-09-01T00:00:00+08:00', october.from, {})])),
    };
    log(`api bench: /metrics/compare month against previous ${JSON.stringify(compareMonth)}`);
    const last90 = { from: '2026-08-24T00:00:00+08:00', to: '2026-11-22T00:00:00+08:00' };
    const trendsAgentDaily90d = {
      api: await latency(() => get('/trends', { ...last90, metric: 'ahtSeconds', bucket: 'day', groupBy: 'agent' })),
      sql: await latency(() => sums(last90.from, last90.to, { dimension: 'agent', bucket: 'day' })),
    };
    log(`api bench: /trends per agent per day over 90 days ${JSON.stringify(trendsAgentDaily90d)}`);
    return { events: Number(events), calls: CALLS, loadSeconds, metricsDaily30d, compareMonth, trendsAgentDaily90d };
  } finally {
    await clickHouse.command({ query: 'DROP DATABASE IF EXISTS {database:Identifier} SYNC', query_params: { database } });
    await api.close();
  }
}
