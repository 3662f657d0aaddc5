import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import type { CallEventInput } from '@callboard/ingest';
import { freePort, REPO_ROOT } from '../helpers/processes';
import { ramp, type FanOutSide } from './fan-out-ramp';
import { TEST_BOOTSTRAP_TOKEN } from '../helpers/test-token';

export interface FanOut {
  updatesPerSecondPerClient: 1;
  queues: number;
  /** One Callboard push for one queue, as JSON; the bare server sends pushes of the same bytes. */
  payloadBytes: number;
  callboard: FanOutSide;
  bareSocketIo: FanOutSide;
}

const QUEUES = 20;

/**
 * Issue 9's fan-out figure: the most wallboards (Socket.IO clients, one queue each) that get one
 * update a second with p95 delivery under a second, on the real api in embedded mode, beside a
 * bare Socket.IO server pushing payloads of the same bytes. Each second every queue's probe agent
 * changes state, stamped with its send time, so a client's latency is receipt − the agent's `since`.
 */
export async function measureFanOut(log: (line: string) => void): Promise<FanOut> {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-bench-fan-out-'));
  const children: ChildProcess[] = [];
  let driver: Driver | undefined;
  try {
    const queues = Array.from({ length: QUEUES }, (_, index) => `q${String(index).padStart(2, '0')}`);
    const apiPort = await freePort();
    const api = spawn(process.execPath, [join(REPO_ROOT, 'api', 'dist', 'main.js')], {
      env: {
        PATH: process.env['PATH'] ?? '',
        PORT: String(apiPort),
        CLICKHOUSE_PATH: join(dir, 'chdb'),
        INGEST_BATCH_AGE_MS: '20',
        LOG_LEVEL: 'warn',
        CALLBOARD_BOOTSTRAP_TOKEN: TEST_BOOTSTRAP_TOKEN,
        CALLBOARD_RATE_LIMIT_PER_MINUTE: '100000000',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(api);
    const origin = `http://127.0.0.1:${apiPort}`;
    await waitForHealth(origin);
    // Probe agents join their queue's board by answering one of its legs.
    const seedAt = Date.now();
    await postEvents(
      origin,
      queues.map((queue) => ({
        eventId: `seed-${queue}`,
        type: 'call.answered',
        ts: seedAt,
        callId: `seed-${queue}`,
        queue,
        agentId: probeAgent(queue),
      })),
    );
    driver = new Driver(origin, queues);
    const push = await capturePush(origin, queues[0]!);
    const payloadBytes = Buffer.byteLength(JSON.stringify(push));
    writeFileSync(join(dir, 'push.json'), JSON.stringify(push));
    log(`fan-out: ${QUEUES} queues, one update a second each, pushes of ${payloadBytes} bytes`);
    const callboard = await ramp({ name: 'callboard', origin, serverPid: api.pid!, sentAt: driver.sentAt }, queues, log);
    if (driver.failedPosts > 0) log(`fan-out callboard: ${driver.failedPosts} of the driver's POSTs failed`);
    driver.stop();
    await stop(api);

    const barePort = await freePort();
    const bare = fork(join(__dirname, 'bare-socket-server.ts'), [String(barePort), join(dir, 'push.json'), queues.join(',')], {
      execArgv: ['--conditions=source', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.push(bare);
    const bareSentAt: number[] = [];
    const bareBytes = await new Promise<number>((resolve, reject) => {
      bare.once('exit', (code) => reject(new Error(`the bare Socket.IO server exited (${code})`)));
      bare.on('message', (message: { listening?: true; payloadBytes?: number; tick?: number }) => {
        if (message.tick !== undefined) bareSentAt.push(message.tick);
        if (message.listening) resolve(message.payloadBytes!);
      });
    });
    log(`fan-out: bare Socket.IO server up, pushes of ${bareBytes} bytes`);
    const bareOrigin = `http://127.0.0.1:${barePort}`;
    const bareSocketIo = await ramp({ name: 'bare socket.io', origin: bareOrigin, serverPid: bare.pid!, sentAt: bareSentAt }, queues, log);
    return { updatesPerSecondPerClient: 1, queues: QUEUES, payloadBytes, callboard, bareSocketIo };
  } finally {
    driver?.stop();
    await Promise.all(children.map(stop));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every second, one state change of each queue's probe agent, alternating, stamped with its send time. */
class Driver {
  readonly sentAt: number[] = [];
  failedPosts = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(origin: string, queues: string[]) {
    // Not awaited: a slow api must not slow the updates it is measured on.
    this.timer = setInterval(() => {
      const at = Date.now();
      const state = this.sentAt.length % 2 === 0 ? 'available' : 'wrap_up';
      this.sentAt.push(at);
      const events = queues.map((queue): CallEventInput => ({
        eventId: `probe-${queue}-${at}`,
        type: 'agent.state_changed',
        ts: at,
        agentId: probeAgent(queue),
        state,
      }));
      postEvents(origin, events).catch(() => (this.failedPosts += 1));
    }, 1_000);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** One push for `queue` after its probe agent's first state change: the payload the bare server imitates. */
function capturePush(origin: string, queue: string): Promise<unknown> {
  const socket = io(`${origin}/live`, {
    auth: { token: TEST_BOOTSTRAP_TOKEN, queues: [queue] },
    transports: ['websocket'],
    forceNew: true,
  });
  return new Promise<unknown>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no push for ${queue} within 15 s`)), 15_000);
    socket.on('live', (push: { snapshot: boolean; queues: Array<{ agents: Array<{ agentId: string }> }> }) => {
      if (push.snapshot || !push.queues[0]?.agents.some((agent) => agent.agentId === probeAgent(queue))) return;
      clearTimeout(timer);
      resolve(push);
    });
  }).finally(() => socket.close());
}

async function postEvents(origin: string, events: CallEventInput[]): Promise<void> {
  const response = await fetch(`${origin}/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_BOOTSTRAP_TOKEN}` },
    body: JSON.stringify(events),
  });
  const body = (await response.json()) as { accepted?: number };
  if (!response.ok || body.accepted !== events.length) throw new Error(`POST /events: ${response.status} ${JSON.stringify(body)}`);
}

async function waitForHealth(origin: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (
    !(await fetch(`${origin}/api/v1/health`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the api to answer /health');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function probeAgent(queue: string): string {
  return `probe-${queue}`;
}
