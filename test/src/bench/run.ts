import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureApiQueries } from './api-queries';
import { measureIngestThroughput } from './ingest-throughput';
import { measureLiveLatency } from './live-latency';

const SUITES = ['ingest', 'api', 'live'] as const;

/** `pnpm bench [ingest] [api] [live]`: the named benchmarks (all by default), one results file (bench-results/latest.json). */
async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const asked = process.argv.slice(2).filter((name) => name !== '--');
  const unknown = asked.filter((name) => !(SUITES as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}; choose from ${SUITES.join(', ')}`);
  const runs = (suite: (typeof SUITES)[number]) => asked.length === 0 || asked.includes(suite);
  const log = (line: string) => console.log(line);
  const report: Record<string, unknown> = {
    startedAt,
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  };
  if (runs('ingest')) {
    const ingest = await measureIngestThroughput(log);
    report['ingest'] = {
      ...ingest,
      ratios: {
        pipelineToRawConsume: ingest.pipelineEventsPerSecond / ingest.rawConsumeEventsPerSecond,
        pipelineToClickHouseFileInsert: ingest.pipelineEventsPerSecond / ingest.clickHouseFileInsertEventsPerSecond,
      },
    };
  }
  if (runs('api')) report['apiQueries'] = await measureApiQueries(log);
  if (runs('live')) report['liveLatency'] = await measureLiveLatency(log);
  const dir = join(__dirname, '..', '..', '..', 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(JSON.stringify(report, null, 2));
  console.log(`written to ${join(dir, 'latest.json')}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
