import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/processes';
import { measureApiQueries } from './api-queries';
import { measureFanOut } from './fan-out';
import { measureIngestThroughput } from './ingest-throughput';
import { measureLiveLatency } from './live-latency';
import { FULL_LOAD, measureLoad, type LoadOptions } from './load';
import { measureIngesterMemory } from './memory';
import { benchSummary, newestOfEach, type BenchReport } from './report';

const SUITES = ['ingest', 'api', 'live', 'fanout', 'memory', 'load'] as const;
const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');

/**
 * `pnpm bench [ingest] [api] [live] [fanout] [memory] [load] [--seconds=N] [--users=N] [--sockets=N]
 * [--think=MIN-MAX]`: the named benchmarks (all by default), one after the other (they would skew
 * each other on shared cores), each bounded and self-stopping. The flags shorten or resize the
 * load run (by default five minutes, 200 users thinking 10–30 s, 500 sockets). Writes
 * bench/results/<date>.json and .md, and bench/results/latest.md (every benchmark's newest figures).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((name) => name !== '--');
  const asked = args.filter((arg) => !arg.startsWith('--'));
  const load = loadOptions(args.filter((arg) => arg.startsWith('--')));
  const unknown = asked.filter((name) => !(SUITES as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}; choose from ${SUITES.join(', ')}`);
  const runs = (suite: (typeof SUITES)[number]) => asked.length === 0 || asked.includes(suite);
  const log = (line: string) => console.log(line);
  const report: BenchReport = {
    command: ['pnpm bench', ...args].join(' '),
    startedAt: new Date().toISOString(),
    finishedAt: '',
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      memoryMb: Math.round(totalmem() / 1024 / 1024),
      node: process.version,
      os: `${type()} ${release()}`,
    },
  };
  if (runs('ingest')) report.ingest = await measureIngestThroughput(log);
  if (runs('api')) report.apiQueries = await measureApiQueries(log);
  if (runs('live')) report.liveLatency = await measureLiveLatency(log);
  if (runs('fanout')) report.fanOut = await measureFanOut(log);
  if (runs('memory')) report.ingesterMemory = await measureIngesterMemory(log);
  if (runs('load')) report.load = await measureLoad(log, load);
  report.finishedAt = new Date().toISOString();

  mkdirSync(RESULTS_DIR, { recursive: true });
  const name = report.startedAt.slice(0, 19).replace(/:/g, '-');
  const summary = benchSummary(report);
  writeFileSync(join(RESULTS_DIR, `${name}.json`), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(RESULTS_DIR, `${name}.md`), summary);
  writeFileSync(join(RESULTS_DIR, 'latest.md'), newestOfEach(storedRuns()));
  console.log(summary);
  console.log(`written to bench/results/${name}.json and .md (and latest.md, the newest figures of each benchmark)`);
}

/** Every run in bench/results, oldest first (the names are their start times). */
function storedRuns(): Array<{ name: string; report: BenchReport }> {
  return readdirSync(RESULTS_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      name: file.slice(0, -'.json'.length),
      report: JSON.parse(readFileSync(join(RESULTS_DIR, file), 'utf8')) as BenchReport,
    }));
}

function loadOptions(flags: string[]): LoadOptions {
  const options = { ...FULL_LOAD };
  for (const flag of flags) {
    const think = /^--think=(\d+)-(\d+)$/.exec(flag);
    const [, name, value] = /^--(seconds|users|sockets)=(\d+)$/.exec(flag) ?? [];
    if (think) options.thinkMs = [Number(think[1]) * 1000, Number(think[2]) * 1000];
    else if (name) options[name as 'seconds' | 'users' | 'sockets'] = Number(value);
    else throw new Error(`unknown option ${flag}; the load run takes --seconds=N, --users=N, --sockets=N, --think=MIN-MAX (seconds)`);
  }
  return options;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
