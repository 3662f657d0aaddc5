import type { ApiQueryBenchmark, LatencyFigures } from './api-queries';
import type { FanOut } from './fan-out';
import type { IngestThroughput } from './ingest-throughput';
import type { LiveLatency } from './live-latency';
import type { LoadRun } from './load';
import type { IngesterMemory } from './memory';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryMb: number;
  node: string;
  os: string;
}

export interface BenchReport {
  command: string;
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  ingest?: IngestThroughput;
  apiQueries?: ApiQueryBenchmark;
  liveLatency?: LiveLatency;
  fanOut?: FanOut;
  ingesterMemory?: IngesterMemory;
  load?: LoadRun;
}

interface Row {
  figure: string;
  value: string;
  limit: string;
  limitValue: string;
  /** figure / limit. */
  ratio: number | null;
}

const round = (value: number) => Math.round(value).toLocaleString('en-US');
const ratio = (figure: number, limit: number) => (Number.isFinite(figure) && limit > 0 ? figure / limit : null);

/**
 * The Markdown summary: each figure beside its physical limit (the same work done by the
 * bare tool underneath: kafkajs doing nothing, ClickHouse reading a file, the bare SQL, a bare
 * Socket.IO server, the machine's memory) and the ratio of the two.
 */
export function benchSummary(report: BenchReport): string {
  return [
    `# Benchmarks, ${report.startedAt.slice(0, 10)}`,
    '',
    `\`${report.command}\`, ${report.startedAt} → ${report.finishedAt}.`,
    '',
    ...figureLines(report),
  ].join('\n');
}

/** What each run measured, by the report field holding it (and the suite name `pnpm bench` takes). */
const SUITE_FIELDS = {
  ingest: 'ingest',
  apiQueries: 'api',
  liveLatency: 'live',
  fanOut: 'fanout',
  ingesterMemory: 'memory',
  load: 'load',
} as const;
type SuiteField = keyof typeof SUITE_FIELDS;

/**
 * bench/results/latest.md: every benchmark's newest figures, from whichever run measured them
 * last (a `pnpm bench load` run alone must not hide the others'). `runs` oldest first.
 */
export function newestOfEach(runs: ReadonlyArray<{ name: string; report: BenchReport }>): string {
  const newest = runs.at(-1);
  if (!newest) return '# Benchmarks\n\nNo run yet: `pnpm bench`.\n';
  const merged: BenchReport = { ...newest.report };
  const sources = new Map<string, { command: string; suites: string[] }>();
  for (const field of Object.keys(SUITE_FIELDS) as SuiteField[]) {
    const run = runs.findLast((candidate) => candidate.report[field] !== undefined);
    if (!run) continue;
    Object.assign(merged, { [field]: run.report[field] });
    const source = sources.get(run.name) ?? { command: run.report.command, suites: [] };
    source.suites.push(SUITE_FIELDS[field]);
    sources.set(run.name, source);
  }
  return [
    '# Benchmarks: the newest figures of each',
    '',
    'Each benchmark comes from the newest run in `bench/results` that measured it:',
    '',
    ...[...sources].map(([name, source]) => `- ${source.suites.join(', ')}: \`${name}.md\` (\`${source.command}\`)`),
    '',
    ...figureLines(merged),
  ].join('\n');
}

function figureLines(report: BenchReport): string[] {
  const rows = [
    ...ingestRows(report.ingest),
    ...liveRows(report.liveLatency),
    ...apiRows(report.apiQueries),
    ...fanOutRows(report.fanOut),
    ...memoryRows(report),
  ];
  const { machine } = report;
  return [
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${round(machine.memoryMb)} MB memory, Node ${machine.node}, ${machine.os}.`,
    'Every process (Kafka mock broker, api, clients, ClickHouse in-process) shares these cores.',
    '',
    ...(rows.length
      ? [
          '| figure | value | beside (the limit) | limit | ratio |',
          '|---|---:|---|---:|---:|',
          ...rows.map(
            (row) =>
              `| ${row.figure} | ${row.value} | ${row.limit} | ${row.limitValue} | ${row.ratio === null ? '—' : row.ratio.toFixed(2)} |`,
          ),
          '',
          'Ratio = figure / limit: for throughput, the share of the limit reached; for latency and memory, how many times the limit.',
          '',
        ]
      : []),
    ...loadSection(report.load),
  ];
}

const REQUEST_NAMES: Record<keyof LoadRun['requests'], string> = {
  metricsByQueueToday: 'GET /metrics today by queue',
  compareTodayWithLastWeek: 'GET /metrics/compare today against a week earlier, by queue',
  trendsDaily30d: 'GET /trends per day over 30 days',
  callsPage: 'GET /calls, 50 a page (and the next page)',
  live: 'GET /live',
  wallboardChart: "GET /metrics last hour by 5 minutes (each socket's TV chart, every 30 s)",
};

/** The load run: its errors (there must be none), each request kind's latency, the api's memory start to end. */
function loadSection(load: LoadRun | undefined): string[] {
  if (!load) return [];
  const { options, sockets, events, apiRssMb } = load;
  return [
    `## Under load: ${options.users} dashboard users and ${options.sockets} sockets for ${options.seconds} s`,
    '',
    `Think time ${options.thinkMs[0] / 1000}–${options.thinkMs[1] / 1000} s; the demo centre with ${options.historyDays} days of history, ` +
      `plus ${options.eventsPerSecond} events/s posted. **Errors: ${load.errors}** (non-2xx answers, unanswered requests, ` +
      `failed event posts, socket disconnects).`,
    '',
    '| request | count | errors | p50 | p95 |',
    '|---|---:|---:|---:|---:|',
    ...Object.entries(load.requests).map(
      ([name, figures]) =>
        `| ${REQUEST_NAMES[name as keyof LoadRun['requests']]} | ${round(figures.requests)} | ${figures.errors} | ${figures.p50Ms} ms | ${figures.p95Ms} ms |`,
    ),
    '',
    `Sockets: ${sockets.connectedAtEnd} of ${sockets.clients} connected at the end, ${sockets.disconnects} disconnects, ` +
      `${sockets.silentAtEnd} silent, ${round(sockets.pushes)} pushes received. Event posts: ${events.posts}, ${events.failedPosts} failed.`,
    '',
    `api RSS: ${apiRssMb.start} MB at the start, ${apiRssMb.end} MB at the end, ${apiRssMb.max} MB at most ` +
      `(sampled every 10 s; slope ${apiRssMb.slopeMbPerMinute} MB/min).`,
    ...(load.errorSamples.length ? ['', 'First errors:', '', ...load.errorSamples.map((sample) => `- \`${sample}\``)] : []),
    '',
  ];
}

function ingestRows(ingest: IngestThroughput | undefined): Row[] {
  if (!ingest) return [];
  const figure = `ingest Kafka → ClickHouse, committed and deduplicated (${round(ingest.events)} events)`;
  const value = `${round(ingest.pipelineEventsPerSecond)} events/s`;
  return [
    {
      figure,
      value,
      limit: 'kafkajs consuming the same topic, doing nothing',
      limitValue: `${round(ingest.rawConsumeEventsPerSecond)} events/s`,
      ratio: ratio(ingest.pipelineEventsPerSecond, ingest.rawConsumeEventsPerSecond),
    },
    {
      figure,
      value,
      limit: 'ClickHouse inserting the same rows from a file',
      limitValue: `${round(ingest.clickHouseFileInsertEventsPerSecond)} events/s`,
      ratio: ratio(ingest.pipelineEventsPerSecond, ingest.clickHouseFileInsertEventsPerSecond),
    },
  ];
}

function liveRows(live: LiveLatency | undefined): Row[] {
  if (!live) return [];
  const setting = `${round(live.eventsPerSecond)} events/s, ${live.clients} clients`;
  return (['p50', 'p95', 'p99'] as const).map((quantile) => ({
    figure: `live: event produced → socket client updated, ${quantile} (${setting})`,
    value: `${live.produceToSocketMs[quantile]} ms`,
    limit: 'the same events produced → a bare kafkajs consumer',
    limitValue: `${live.produceToConsumeMs[quantile]} ms`,
    ratio: ratio(live.produceToSocketMs[quantile], live.produceToConsumeMs[quantile]),
  }));
}

function apiRows(api: ApiQueryBenchmark | undefined): Row[] {
  if (!api) return [];
  const queries: Array<[string, { api: LatencyFigures; sql: LatencyFigures }]> = [
    ['GET /metrics, daily over 30 days', api.metricsDaily30d],
    ['GET /metrics/compare, a month against the one before', api.compareMonth],
    ['GET /trends, per agent per day over 90 days', api.trendsAgentDaily90d],
  ];
  return queries.flatMap(([name, figures]) =>
    (['p50Ms', 'p95Ms'] as const).map((quantile) => ({
      figure: `api ${name}, ${quantile.slice(0, 3)} (${round(api.events)} events)`,
      value: `${round(figures.api[quantile])} ms`,
      limit: 'the same SQL through the ClickHouse client',
      limitValue: `${round(figures.sql[quantile])} ms`,
      ratio: ratio(figures.api[quantile], figures.sql[quantile]),
    })),
  );
}

/** "8,000 clients", or "≥ 8,000 clients (top step, p95 510 ms)" when the ramp ran out before the server did. */
function clientsServed(side: FanOut['callboard']): string {
  const last = side.steps.at(-1);
  if (!last || !capped(side)) return `${round(side.maxClients)} clients`;
  return `≥ ${round(side.maxClients)} clients (ramp's top step, p95 ${last.deliveryMs?.p95 ?? '—'} ms)`;
}

function capped(side: FanOut['callboard']): boolean {
  return side.steps.at(-1)?.passed === true;
}

function fanOutRows(fanOut: FanOut | undefined): Row[] {
  if (!fanOut) return [];
  return [
    {
      figure: `Socket.IO fan-out: wallboards served 1 update/s with p95 < 1 s (${fanOut.queues} queues)`,
      value: clientsServed(fanOut.callboard),
      limit: `a bare Socket.IO server pushing the same ${round(fanOut.payloadBytes)}-byte payload`,
      limitValue: clientsServed(fanOut.bareSocketIo),
      // A side that passed the ramp's top step was never pushed to its limit: no ratio to state.
      ratio:
        capped(fanOut.callboard) || capped(fanOut.bareSocketIo) ? null : ratio(fanOut.callboard.maxClients, fanOut.bareSocketIo.maxClients),
    },
  ];
}

function memoryRows(report: BenchReport): Row[] {
  const rows: Row[] = [];
  const machine = `${round(report.machine.memoryMb)} MB`;
  if (report.liveLatency) {
    rows.push({
      figure: `api RSS, steady (with its in-process ingester, ${round(report.liveLatency.eventsPerSecond)} events/s, ${report.liveLatency.clients} clients)`,
      value: `${round(report.liveLatency.apiRssMb.steady)} MB`,
      limit: "the machine's memory",
      limitValue: machine,
      ratio: ratio(report.liveLatency.apiRssMb.steady, report.machine.memoryMb),
    });
  }
  if (report.ingesterMemory) {
    rows.push({
      figure: `ingester RSS, steady (${round(report.ingesterMemory.eventsPerSecond)} events/s)`,
      value: `${round(report.ingesterMemory.steadyRssMb)} MB`,
      limit: "the machine's memory",
      limitValue: machine,
      ratio: ratio(report.ingesterMemory.steadyRssMb, report.machine.memoryMb),
    });
  }
  return rows;
}
