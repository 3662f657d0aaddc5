import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureIngestThroughput } from './ingest-throughput';

/** `pnpm bench`: every benchmark, one results file (bench-results/latest.json). */
async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const ingest = await measureIngestThroughput((line) => console.log(line));
  const report = {
    startedAt,
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    ingest: {
      ...ingest,
      ratios: {
        pipelineToRawConsume: ingest.pipelineEventsPerSecond / ingest.rawConsumeEventsPerSecond,
        pipelineToClickHouseFileInsert: ingest.pipelineEventsPerSecond / ingest.clickHouseFileInsertEventsPerSecond,
      },
    },
  };
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
