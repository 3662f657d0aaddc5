import { fork, type ChildProcess } from 'node:child_process';
import { freemem } from 'node:os';
import { join } from 'node:path';
import { rssMb } from './process-memory';

export interface FanOutStep {
  clients: number;
  /** Clients connected when the step was measured (or when connecting timed out). */
  connected: number;
  /** Update sent → a client holding it; null when no update arrived. */
  deliveryMs: { p50: number; p95: number; p99: number } | null;
  /** Updates received over updates sent to the connected and unconnected clients alike. */
  receivedShare: number;
  serverRssMb: number;
  passed: boolean;
  failure?: string;
}

export interface FanOutSide {
  /** The most clients of a passing step (0: none passed). */
  maxClients: number;
  steps: FanOutStep[];
  /** Why the ramp ended before a failing step or its last step. */
  stoppedBecause?: string;
}

/** A server under test: its Socket.IO origin, its process, and the send time of each second's updates. */
export interface RampTarget {
  name: string;
  origin: string;
  serverPid: number;
  sentAt: number[];
}

interface Report {
  latencies: number[];
  sentAt: number[];
  pushes: number;
  connected: number;
}

const SMOKE = process.env['BENCH_SMOKE'] === '1';
const STEPS = SMOKE ? [50, 100] : [500, 1_000, 2_000, 3_000, 4_000, 6_000, 8_000];
const SETTLE_MS = SMOKE ? 2_000 : 5_000;
const MEASURE_MS = SMOKE ? 4_000 : 15_000;
// Longer than the pass threshold, so that an update missing at the end was later than 1 s anyway.
const GRACE_MS = 2_000;
const CONNECT_TIMEOUT_MS = 45_000;
const FLEET_SIZE = 500;
// A fleet of 500 clients measured at about 120 MB; the reserve keeps the server and the OS afloat.
const FLEET_MEMORY_MB = 250;
const RESERVE_MB = 2_048;
const MAX_P95_MS = 1_000;
const MIN_RECEIVED_SHARE = 0.95;

/**
 * Adds clients by fleets of child processes, step by step, until a step misses one second at
 * p95 or loses more than 5 % of its updates. Each client is subscribed to one queue and gets
 * one update a second; a step counts exactly the updates sent within its window.
 */
export async function ramp(target: RampTarget, queues: string[], log: (line: string) => void): Promise<FanOutSide> {
  const fleets: Fleet[] = [];
  const steps: FanOutStep[] = [];
  let stoppedBecause: string | undefined;
  try {
    let clients = 0;
    for (const goal of STEPS) {
      const added: Fleet[] = [];
      while (clients < goal) {
        const count = Math.min(FLEET_SIZE, goal - clients);
        added.push(new Fleet(target.origin, count, queues, clients));
        clients += count;
      }
      const neededMb = added.length * FLEET_MEMORY_MB + RESERVE_MB;
      if (freemem() / 2 ** 20 < neededMb) {
        stoppedBecause = `${goal} clients would need ~${neededMb} MB free, the machine has ${Math.round(freemem() / 2 ** 20)} MB`;
        break;
      }
      fleets.push(...added.map((fleet) => fleet.start()));
      const step = (await connectedInTime(added)) ? await measureStep(target, fleets, goal) : await failedToConnect(target, fleets, goal);
      steps.push(step);
      log(`fan-out ${target.name}: ${describe(step)}`);
      if (!step.passed) break;
    }
  } finally {
    for (const fleet of fleets) fleet.kill();
  }
  const passed = steps.filter((step) => step.passed);
  return { maxClients: passed.length ? passed[passed.length - 1]!.clients : 0, steps, ...(stoppedBecause ? { stoppedBecause } : {}) };
}

async function measureStep(target: RampTarget, fleets: Fleet[], clients: number): Promise<FanOutStep> {
  await sleep(SETTLE_MS);
  await Promise.all(fleets.map((fleet) => fleet.report()));
  const from = Date.now();
  await sleep(MEASURE_MS);
  const to = Date.now();
  await sleep(GRACE_MS);
  const reports = await Promise.all(fleets.map((fleet) => fleet.report()));
  const window = new Set(target.sentAt.filter((at) => at >= from && at < to));
  const latencies = reports.flatMap((report) => report.latencies.filter((_, index) => window.has(report.sentAt[index]!)));
  const receivedShare = window.size === 0 ? 0 : latencies.length / (window.size * clients);
  const deliveryMs = latencies.length ? percentiles(latencies) : null;
  return {
    clients,
    connected: reports.reduce((sum, report) => sum + report.connected, 0),
    deliveryMs,
    receivedShare: Math.round(receivedShare * 1000) / 1000,
    serverRssMb: rssMb(target.serverPid),
    passed: deliveryMs !== null && deliveryMs.p95 < MAX_P95_MS && receivedShare >= MIN_RECEIVED_SHARE,
  };
}

async function failedToConnect(target: RampTarget, fleets: Fleet[], clients: number): Promise<FanOutStep> {
  const reports = await Promise.all(fleets.map((fleet) => fleet.report()));
  const connected = reports.reduce((sum, report) => sum + report.connected, 0);
  const failure = `${connected} of ${clients} clients connected within ${CONNECT_TIMEOUT_MS / 1000} s`;
  return { clients, connected, deliveryMs: null, receivedShare: 0, serverRssMb: rssMb(target.serverPid), passed: false, failure };
}

async function connectedInTime(fleets: Fleet[]): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), CONNECT_TIMEOUT_MS)));
  const connected = Promise.all(fleets.map((fleet) => fleet.connected)).then(() => true as const);
  try {
    return await Promise.race([connected, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** One child process of live-client-fleet.ts. */
class Fleet {
  connected!: Promise<void>;
  private child?: ChildProcess;
  private readonly waiting: Array<(report: Report) => void> = [];

  constructor(
    private readonly origin: string,
    private readonly count: number,
    private readonly queues: string[],
    private readonly first: number,
  ) {}

  start(): this {
    const child = fork(
      join(__dirname, 'live-client-fleet.ts'),
      [this.origin, String(this.count), this.queues.join(','), String(this.first)],
      {
        execArgv: ['--conditions=source', '--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    this.child = child;
    // A fleet that dies (out of memory, say) answers with nothing rather than hanging the ramp.
    child.once('exit', () => {
      for (const resolve of this.waiting.splice(0)) resolve({ latencies: [], sentAt: [], pushes: 0, connected: 0 });
    });
    this.connected = new Promise((resolve) =>
      child.on('message', (message: Partial<Report>) => {
        if (message.latencies) this.waiting.shift()?.(message as Report);
        else {
          child.send('measure');
          resolve();
        }
      }),
    );
    return this;
  }

  report(): Promise<Report> {
    return new Promise((resolve) => {
      if (this.child!.exitCode !== null || this.child!.signalCode !== null)
        return resolve({ latencies: [], sentAt: [], pushes: 0, connected: 0 });
      this.waiting.push(resolve);
      this.child!.send('report');
    });
  }

  kill(): void {
    if (this.child && this.child.exitCode === null) this.child.kill();
  }
}

function describe(step: FanOutStep): string {
  const delivery = step.deliveryMs
    ? `p50/p95/p99 ${step.deliveryMs.p50} / ${step.deliveryMs.p95} / ${step.deliveryMs.p99} ms`
    : 'no delivery';
  const verdict = step.passed ? 'pass' : `FAIL${step.failure ? ` (${step.failure})` : ''}`;
  return `${step.clients} clients, ${delivery}, ${(step.receivedShare * 100).toFixed(1)} % received, server ${step.serverRssMb} MB: ${verdict}`;
}

function percentiles(samples: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
