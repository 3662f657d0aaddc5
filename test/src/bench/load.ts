import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort, REPO_ROOT } from '../helpers/processes';
import { TEST_BOOTSTRAP_TOKEN } from '../helpers/test-token';
import { CallTraffic } from './call-traffic';
import { DashboardUsers, quantile, type DashboardRequest, type EndpointFigures } from './dashboard-users';
import { rssMb } from './process-memory';

export interface LoadOptions {
  seconds: number;
  users: number;
  sockets: number;
  /** Days of simulated history behind today (the demo centre's), for the 30-day trends. */
  historyDays: number;
  thinkMs: readonly [number, number];
  /** Call traffic posted on top of the demo centre's own, spread over its queues. */
  eventsPerSecond: number;
}

/**
 * Issue 8 "Under load": 200 dashboard users and 500 sockets for five minutes. A user reads what a
 * request brought for 10 to 30 s before the next (a person reading a report, not a script):
 * 200 of them ask about 10 requests a second in all.
 */
export const FULL_LOAD: LoadOptions = {
  seconds: 300,
  users: 200,
  sockets: 500,
  historyDays: 30,
  thinkMs: [10_000, 30_000],
  eventsPerSecond: 20,
};

/** What the load run asks: the dashboard users' requests, and the TVs' last-hour charts. */
export type LoadRequest = DashboardRequest | 'wallboardChart';

export interface LoadRun {
  options: LoadOptions;
  requests: Record<LoadRequest, EndpointFigures>;
  /** Non-2xx answers, unanswered requests, failed event posts and socket disconnects, together. */
  errors: number;
  errorSamples: string[];
  sockets: { clients: number; connectedAtEnd: number; disconnects: number; silentAtEnd: number; pushes: number };
  events: { posts: number; failedPosts: number };
  /** The api's RSS every 10 s from when the load starts; slope by least squares. */
  apiRssMb: { start: number; end: number; max: number; samples: number[]; slopeMbPerMinute: number };
}

const TIMEZONE = 'Asia/Shanghai';
const DEMO_QUEUES = ['billing', 'orders', 'complaints', 'tech_support', 'vip', 'emergency'];
const SOCKETS_PER_FLEET = 250;
// As the wallboard page (web/src/features/wallboard/hooks/use-last-hour.ts, LAST_HOUR_REFRESH_MS).
const CHART_EVERY_MS = 30_000;
const RSS_EVERY_MS = 10_000;
const HISTORY_TIMEOUT_MS = 15 * 60_000;

/**
 * The api (built, as its own process) in embedded mode running the demo centre, with its
 * history backfilled; then for `seconds`: dashboard users looping realistic requests with think
 * time, Socket.IO clients subscribed one queue each (in child processes), and call traffic
 * posted every second. Stops itself and reports every error, the latencies per request kind and
 * the api's memory over the run.
 */
export async function measureLoad(log: (line: string) => void, options: LoadOptions = FULL_LOAD): Promise<LoadRun> {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-bench-load-'));
  let api: ChildProcess | undefined;
  let fleets: ChildProcess[] = [];
  let users: DashboardUsers | undefined;
  let traffic: NodeJS.Timeout | undefined;
  try {
    const port = await freePort();
    api = spawn(process.execPath, [join(REPO_ROOT, 'api', 'dist', 'main.js')], {
      env: {
        PATH: process.env['PATH'] ?? '',
        PORT: String(port),
        CLICKHOUSE_PATH: join(dir, 'chdb'),
        CALLBOARD_TIMEZONE: TIMEZONE,
        CALLBOARD_SIMULATOR: 'demo',
        CALLBOARD_SIMULATOR_DAYS: String(options.historyDays),
        LOG_LEVEL: 'info',
        CALLBOARD_BOOTSTRAP_TOKEN: TEST_BOOTSTRAP_TOKEN,
        // Every simulated user shares the bootstrap token: the per-caller limit would count them as one.
        CALLBOARD_RATE_LIMIT_PER_MINUTE: '100000000',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const origin = `http://127.0.0.1:${port}`;
    log(`load: api starting, demo centre backfilling ${options.historyDays} days of history`);
    await historyInPlace(api);
    log(
      `load: history in place; ${options.users} users, ${options.sockets} sockets, ${options.eventsPerSecond} events/s for ${options.seconds} s`,
    );

    const rssSamples = [rssMb(api.pid!)];
    const rssSampledAt = [Date.now()];
    fleets = await startFleets(origin, options.sockets);
    const events = { posts: 0, failedPosts: 0 };
    const calls = new CallTraffic(DEMO_QUEUES);
    traffic = setInterval(() => {
      events.posts += 1;
      postEvents(origin, calls.next(options.eventsPerSecond)).catch(() => (events.failedPosts += 1));
    }, 1_000);
    users = new DashboardUsers({ origin, token: TEST_BOOTSTRAP_TOKEN, users: options.users, thinkMs: options.thinkMs, timezone: TIMEZONE });
    users.start();

    const startedAt = Date.now();
    while (Date.now() - startedAt < options.seconds * 1000) {
      await sleep(Math.min(RSS_EVERY_MS, options.seconds * 1000 - (Date.now() - startedAt)));
      rssSamples.push(rssMb(api.pid!));
      rssSampledAt.push(Date.now());
      if (rssSamples.length % 6 === 1) log(`load: ${Math.round((Date.now() - startedAt) / 1000)} s, api RSS ${rssSamples.at(-1)} MB`);
    }
    clearInterval(traffic);
    await users.stop();
    const fleetReports = await Promise.all(fleets.map(report));
    const charts = fleetReports.map((fleet) => fleet.chart);
    const chartLatencies = charts.flatMap((chart) => chart.latencies).sort((a, b) => a - b);
    const chartErrors = sum(charts.map((chart) => chart.errors));
    const requests: Record<LoadRequest, EndpointFigures> = {
      ...users.figures(),
      wallboardChart: {
        requests: chartLatencies.length + chartErrors,
        errors: chartErrors,
        p50Ms: quantile(chartLatencies, 0.5),
        p95Ms: quantile(chartLatencies, 0.95),
      },
    };
    const sockets = {
      clients: options.sockets,
      connectedAtEnd: sum(fleetReports.map((fleet) => fleet.connected)),
      disconnects: sum(fleetReports.map((fleet) => fleet.disconnects)),
      silentAtEnd: sum(fleetReports.map((fleet) => fleet.silent)),
      pushes: sum(fleetReports.map((fleet) => fleet.pushes)),
    };
    const errors = sum(Object.values(requests).map((figures) => figures.errors)) + events.failedPosts + sockets.disconnects;
    const run: LoadRun = {
      options,
      requests,
      errors,
      errorSamples: [...users.errorSamples, ...charts.flatMap((chart) => chart.errorSamples)],
      sockets,
      events,
      apiRssMb: {
        start: rssSamples[0]!,
        end: rssSamples.at(-1)!,
        max: Math.max(...rssSamples),
        samples: rssSamples,
        slopeMbPerMinute: slopePerMinute(rssSampledAt, rssSamples),
      },
    };
    log(
      `load: ${sum(Object.values(requests).map((figures) => figures.requests))} requests, ${errors} errors; ` +
        `sockets ${sockets.connectedAtEnd}/${sockets.clients} connected, ${sockets.disconnects} disconnects; ` +
        `api RSS ${run.apiRssMb.start} → ${run.apiRssMb.end} MB (max ${run.apiRssMb.max}, ${run.apiRssMb.slopeMbPerMinute} MB/min)`,
    );
    return run;
  } finally {
    clearInterval(traffic);
    await users?.stop();
    await Promise.all(fleets.map(stopFleet));
    if (api && api.exitCode === null) {
      const exited = new Promise((resolve) => api!.once('exit', resolve));
      api.kill('SIGTERM');
      const timer = setTimeout(() => api!.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The demo logs when its history is stored; the api's output is read to the end (else its pipe would fill). */
function historyInPlace(api: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the demo history was not in place in time')), HISTORY_TIMEOUT_MS);
    const settle = (error?: Error) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    api.once('exit', (code) => settle(new Error(`the api exited (${code}) before its history was in place`)));
    createInterface({ input: api.stdout! }).on('line', (line) => {
      if (/days of history in place/.test(line)) settle();
    });
  });
}

async function startFleets(origin: string, sockets: number): Promise<ChildProcess[]> {
  const sizes = Array.from({ length: Math.ceil(sockets / SOCKETS_PER_FLEET) }, (_, index) =>
    Math.min(SOCKETS_PER_FLEET, sockets - index * SOCKETS_PER_FLEET),
  );
  const fleets = sizes.map((size, index) =>
    fork(
      join(__dirname, 'live-client-fleet.ts'),
      [origin, String(size), DEMO_QUEUES.join(','), String(index * SOCKETS_PER_FLEET), String(CHART_EVERY_MS)],
      {
        execArgv: ['--conditions=source', '--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    ),
  );
  await Promise.all(fleets.map((fleet) => new Promise((resolve) => fleet.once('message', resolve))));
  return fleets;
}

interface FleetReport {
  connected: number;
  disconnects: number;
  silent: number;
  pushes: number;
  chart: { latencies: number[]; errors: number; errorSamples: string[] };
}

function report(fleet: ChildProcess): Promise<FleetReport> {
  return new Promise((resolve) => {
    fleet.once('message', (message) => resolve(message as FleetReport));
    fleet.send('report');
  });
}

async function stopFleet(fleet: ChildProcess): Promise<void> {
  if (fleet.exitCode !== null || fleet.signalCode !== null) return;
  const exited = new Promise((resolve) => fleet.once('exit', resolve));
  fleet.send('stop');
  const timer = setTimeout(() => fleet.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function postEvents(origin: string, events: unknown[]): Promise<void> {
  const response = await fetch(`${origin}/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_BOOTSTRAP_TOKEN}` },
    body: JSON.stringify(events),
  });
  if (!response.ok) throw new Error(`POST /events: ${response.status}`);
  await response.arrayBuffer();
}

/** Least-squares slope of `samples` taken at `times` (epoch ms), in units per minute, to a tenth. */
export function slopePerMinute(times: number[], samples: number[]): number {
  if (samples.length < 2) return 0;
  const minutes = times.map((time) => (time - times[0]!) / 60_000);
  const meanX = sum(minutes) / samples.length;
  const meanY = sum(samples) / samples.length;
  const covariance = sum(minutes.map((x, index) => (x - meanX) * (samples[index]! - meanY)));
  const variance = sum(minutes.map((x) => (x - meanX) ** 2));
  return Math.round((covariance / variance) * 10) / 10;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
