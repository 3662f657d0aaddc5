import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Producer } from 'kafkajs';
import type { CallEventInput } from '@callboard/ingest';
import { messageKey } from '../fixtures/calls';
import { kafkaFor } from '../helpers/ingest-harness';
import { startKafkaMockCluster } from '../helpers/kafka-mock-cluster';
import { freePort, REPO_ROOT } from '../helpers/processes';
import { CallTraffic } from './call-traffic';
import { rssMb } from './process-memory';
import { TEST_BOOTSTRAP_TOKEN } from '../helpers/test-token';

export interface LiveLatency {
  eventsPerSecond: number;
  clients: number;
  queues: number;
  measuredSeconds: number;
  /** Event produced → a subscribed socket client holding the update it caused. */
  produceToSocketMs: Percentiles & { samples: number };
  /** The same probe events, produced → consumed by a bare kafkajs consumer. */
  produceToConsumeMs: Percentiles & { samples: number };
  pushesReceived: number;
  /** At start, every 5 s while measuring, and at the end. */
  apiRssMb: { start: number; end: number; samples: number[]; steady: number };
}

interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

const TOPIC = 'call-events';
const PARTITIONS = 24;
const QUEUES = 20;
const CLIENTS = 500;
const EVENTS_PER_SECOND = 1_000;
const TICK_MS = 50;
const PROBE_EVERY_TICKS = 2;
const WARM_UP_MS = 10_000;
const MEASURE_MS = 60_000;
const FLEETS = 2;
const RSS_EVERY_TICKS = 5_000 / TICK_MS;

/**
 * Issue 4's figure: 500 Socket.IO clients (25 per queue) on an api in its production path (its
 * own consumer of the events topic), 1,000 events/s of call traffic, and every 100 ms a probe:
 * an agent state change stamped with its produce time. A client's latency sample is the moment
 * it holds that agent's new state; a bare kafkajs consumer of the same topic gives the floor.
 */
export async function measureLiveLatency(log: (line: string) => void): Promise<LiveLatency> {
  const cluster = await startKafkaMockCluster(3);
  const dataDir = mkdtempSync(join(tmpdir(), 'callboard-bench-live-'));
  let api: ChildProcess | undefined;
  let fleets: ChildProcess[] = [];
  try {
    await cluster.createTopic(TOPIC, PARTITIONS);
    await cluster.createTopic(`${TOPIC}.dlq`, 1);
    const kafka = kafkaFor(cluster, 'bench-live');
    const producer = kafka.producer();
    await producer.connect();
    const queues = Array.from({ length: QUEUES }, (_, index) => `q${String(index).padStart(2, '0')}`);
    // Probe agents join their queue's board by answering one of its legs.
    await send(
      producer,
      queues.map((queue) => ({
        eventId: `seed-${queue}`,
        type: 'call.answered',
        ts: Date.now(),
        callId: `seed-${queue}`,
        queue,
        agentId: probeAgent(queue),
      })),
    );

    const port = await freePort();
    api = spawn(process.execPath, [join(REPO_ROOT, 'api', 'dist', 'main.js')], {
      env: {
        PATH: process.env['PATH'] ?? '',
        PORT: String(port),
        KAFKA_BROKERS: cluster.brokers.join(','),
        CLICKHOUSE_PATH: dataDir,
        LOG_LEVEL: 'warn',
        CALLBOARD_BOOTSTRAP_TOKEN: TEST_BOOTSTRAP_TOKEN,
        CALLBOARD_RATE_LIMIT_PER_MINUTE: '100000000',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const origin = `http://127.0.0.1:${port}`;
    await waitForHealth(origin);
    const rssStart = rssMb(api.pid!);
    const rssSamples: number[] = [];

    const probesSentAt = new Map<string, number>();
    fleets = await startClientFleets(origin, queues);
    log(`live: ${CLIENTS} clients in ${FLEETS} processes connected to ${QUEUES} queues`);

    let measuring = false;
    const consumeLatencies: number[] = [];
    // The same fetch wait as the api's live consumer, so that the two are compared like with like.
    const rawConsumer = kafka.consumer({ groupId: 'bench-raw-latency', maxWaitTimeInMs: 100 });
    await rawConsumer.connect();
    await rawConsumer.subscribe({ topic: TOPIC, fromBeginning: false });
    await rawConsumer.run({
      eachMessage: async ({ message }) => {
        const sentAt = probesSentAt.get(message.headers?.['probe']?.toString() ?? '');
        if (sentAt !== undefined && measuring) consumeLatencies.push(Date.now() - sentAt);
      },
    });

    const traffic = new CallTraffic(queues);
    let tick = 0;
    let probeState = 0;
    const run = async (durationMs: number) => {
      const endAt = Date.now() + durationMs;
      let nextTickAt = Date.now();
      while (Date.now() < endAt) {
        const events = traffic.next((EVENTS_PER_SECOND * TICK_MS) / 1000 - (tick % PROBE_EVERY_TICKS === 0 ? 1 : 0));
        const messages: Array<{ key: string; value: string; headers?: Record<string, string> }> = events.map((event) => ({
          key: messageKey(event),
          value: JSON.stringify(event),
        }));
        if (tick % PROBE_EVERY_TICKS === 0) {
          const queue = queues[(tick / PROBE_EVERY_TICKS) % QUEUES]!;
          const at = Date.now();
          probeState += 1;
          const probe: CallEventInput = {
            eventId: `probe-${tick}`,
            type: 'agent.state_changed',
            ts: at,
            agentId: probeAgent(queue),
            state: probeState % 2 === 0 ? 'available' : 'wrap_up',
          };
          probesSentAt.set(`${probeAgent(queue)}@${at}`, at);
          messages.push({ key: probeAgent(queue), value: JSON.stringify(probe), headers: { probe: `${probeAgent(queue)}@${at}` } });
        }
        tick += 1;
        await producer.send({ topic: TOPIC, acks: 1, messages });
        nextTickAt += TICK_MS;
        if (measuring && tick % RSS_EVERY_TICKS === 0) rssSamples.push(rssMb(api!.pid!));
        await sleep(Math.max(0, nextTickAt - Date.now()));
      }
    };
    log(`live: warming up for ${WARM_UP_MS / 1000} s (consumer groups join)`);
    await run(WARM_UP_MS);
    measuring = true;
    for (const fleet of fleets) fleet.send('measure');
    log(`live: measuring ${MEASURE_MS / 1000} s at ${EVENTS_PER_SECOND} events/s`);
    await run(MEASURE_MS);
    measuring = false;
    await sleep(2_000);
    const rssEnd = rssMb(api.pid!);
    const fleetResults = await Promise.all(fleets.map(stopFleet));
    const socketLatencies = fleetResults.flatMap((result) => result.latencies);
    const pushesReceived = fleetResults.reduce((sum, result) => sum + result.pushes, 0);
    if (socketLatencies.length === 0) throw new Error('no probe reached a socket client');
    await rawConsumer.disconnect();
    await producer.disconnect();
    const result: LiveLatency = {
      eventsPerSecond: EVENTS_PER_SECOND,
      clients: CLIENTS,
      queues: QUEUES,
      measuredSeconds: MEASURE_MS / 1000,
      produceToSocketMs: { ...percentiles(socketLatencies), samples: socketLatencies.length },
      produceToConsumeMs: { ...percentiles(consumeLatencies), samples: consumeLatencies.length },
      pushesReceived,
      apiRssMb: { start: rssStart, end: rssEnd, samples: rssSamples, steady: median(rssSamples) },
    };
    log(
      `live: produce → socket p50/p95/p99 ${fmt(result.produceToSocketMs)} ms; produce → kafkajs consume ${fmt(result.produceToConsumeMs)} ms`,
    );
    return result;
  } finally {
    for (const fleet of fleets) if (fleet.exitCode === null) fleet.kill();
    if (api && api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((resolve) => api!.once('exit', resolve));
    }
    await cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function startClientFleets(origin: string, queues: string[]): Promise<ChildProcess[]> {
  const perFleet = CLIENTS / FLEETS;
  const fleets = Array.from({ length: FLEETS }, (_, index) =>
    fork(join(__dirname, 'live-client-fleet.ts'), [origin, String(perFleet), queues.join(','), String(index * perFleet)], {
      execArgv: ['--conditions=source', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  await Promise.all(fleets.map((fleet) => new Promise((resolve) => fleet.once('message', resolve))));
  return fleets;
}

function stopFleet(fleet: ChildProcess): Promise<{ latencies: number[]; pushes: number }> {
  return new Promise((resolve) => {
    fleet.once('message', (result) => resolve(result as { latencies: number[]; pushes: number }));
    fleet.send('stop');
  });
}

function probeAgent(queue: string): string {
  return `probe-${queue}`;
}

async function send(producer: Producer, events: CallEventInput[]): Promise<void> {
  await producer.send({
    topic: TOPIC,
    acks: -1,
    messages: events.map((event) => ({ key: messageKey(event), value: JSON.stringify(event) })),
  });
}

async function waitForHealth(origin: string): Promise<void> {
  await waitFor(
    async () => {
      const response = await fetch(`${origin}/api/v1/health`).catch(() => undefined);
      return response?.ok === true;
    },
    120_000,
    'the api to answer /health',
  );
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

function fmt(figures: Percentiles): string {
  return `${figures.p50} / ${figures.p95} / ${figures.p99}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
