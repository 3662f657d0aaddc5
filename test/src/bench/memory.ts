import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { messageKey } from '../fixtures/calls';
import { kafkaFor } from '../helpers/ingest-harness';
import { startKafkaMockCluster } from '../helpers/kafka-mock-cluster';
import { freePort, REPO_ROOT } from '../helpers/processes';
import { CallTraffic } from './call-traffic';
import { rssMb } from './process-memory';

export interface IngesterMemory {
  eventsPerSecond: number;
  seconds: number;
  /** RSS sampled every 5 s after the warm-up, MB. */
  rssMb: number[];
  steadyRssMb: number;
  machineMemoryMb: number;
}

const TOPIC = 'call-events';
const EVENTS_PER_SECOND = 1_000;
const WARM_UP_MS = 15_000;
const MEASURE_MS = 60_000;
const SAMPLE_EVERY_MS = 5_000;

/**
 * The production ingester (`ingest/dist/main.js`) as its own process, fed 1,000 events/s of call
 * traffic for a minute after its group has joined: its RSS over time. (The api's RSS under load
 * is measured by the live-latency benchmark, where it also runs the ingester: chdb is one
 * process's database.)
 */
export async function measureIngesterMemory(log: (line: string) => void): Promise<IngesterMemory> {
  const cluster = await startKafkaMockCluster(3);
  const dataDir = mkdtempSync(join(tmpdir(), 'callboard-bench-memory-'));
  let ingester: ChildProcess | undefined;
  try {
    await cluster.createTopic(TOPIC, 12);
    await cluster.createTopic(`${TOPIC}.dlq`, 1);
    ingester = spawn(process.execPath, [join(REPO_ROOT, 'ingest', 'dist', 'main.js')], {
      env: {
        PATH: process.env['PATH'] ?? '',
        KAFKA_BROKERS: cluster.brokers.join(','),
        CLICKHOUSE_PATH: dataDir,
        INGEST_METRICS_PORT: String(await freePort()),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const producer = kafkaFor(cluster, 'bench-memory').producer();
    await producer.connect();
    const traffic = new CallTraffic(Array.from({ length: 20 }, (_, index) => `q${index}`));
    const samples: number[] = [];
    const startedAt = Date.now();
    let nextSampleAt = startedAt + WARM_UP_MS;
    log(`memory: ingester fed ${EVENTS_PER_SECOND} events/s: ${WARM_UP_MS / 1000} s warm-up, then ${MEASURE_MS / 1000} s sampled`);
    while (Date.now() < startedAt + WARM_UP_MS + MEASURE_MS) {
      const tickStartedAt = Date.now();
      const events = traffic.next(EVENTS_PER_SECOND / 10);
      await producer.send({
        topic: TOPIC,
        acks: 1,
        messages: events.map((event) => ({ key: messageKey(event), value: JSON.stringify(event) })),
      });
      if (Date.now() >= nextSampleAt) {
        samples.push(rssMb(ingester.pid!));
        nextSampleAt += SAMPLE_EVERY_MS;
      }
      await sleep(Math.max(0, 100 - (Date.now() - tickStartedAt)));
    }
    await producer.disconnect();
    const sorted = [...samples].sort((a, b) => a - b);
    const result: IngesterMemory = {
      eventsPerSecond: EVENTS_PER_SECOND,
      seconds: MEASURE_MS / 1000,
      rssMb: samples,
      steadyRssMb: sorted[Math.floor(sorted.length / 2)] ?? NaN,
      machineMemoryMb: Math.round(totalmem() / 1024 / 1024),
    };
    log(`memory: ingester RSS ${samples.join(', ')} MB (median ${result.steadyRssMb} MB)`);
    return result;
  } finally {
    if (ingester && ingester.exitCode === null) {
      ingester.kill('SIGTERM');
      await new Promise((resolve) => ingester!.once('exit', resolve));
    }
    await cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
