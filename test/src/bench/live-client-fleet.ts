import { io, type Socket } from 'socket.io-client';
import { TEST_BOOTSTRAP_TOKEN } from '../helpers/test-token';

/**
 * A child process of the live benchmarks holding some of their Socket.IO clients, so that the
 * clients' JSON parsing does not stall the driver it measures. argv: origin, client count,
 * queues (comma-separated), first client index[, chart interval ms]; each client subscribes to
 * one queue, round-robin, and with an interval also fetches its TV's last-hour chart that often. Speaks over IPC: sends { connected } once all are up; on 'measure' starts
 * recording; on 'report' replies { latencies, sentAt, pushes, connected, disconnects, silent, chart } and
 * starts afresh (`disconnects`: since the start; `silent`: connected sockets that got nothing,
 * not even a heartbeat, for SILENT_AFTER_MS; `chart`: the chart requests since the start); on 'stop' replies { latencies, sentAt, pushes }
 * and exits. `sentAt[i]` is the send time of the update `latencies[i]` was measured on, so that
 * a caller can count exactly the updates of a window.
 */
const [origin, countText, queueList, firstText, chartEveryText] = process.argv.slice(2);
const queues = queueList!.split(',');
// Optional: each client also draws a TV's last-hour chart, GET /metrics every this many ms (as the wallboard page does).
const chartEveryMs = Number(chartEveryText ?? 0);
const chart = { latencies: [] as number[], errors: 0, errorSamples: [] as string[] };
const sockets: Socket[] = [];
const SILENT_AFTER_MS = 5_000;
const lastHeardAt = new Map<Socket, number>();
let disconnects = 0;
let stopping = false;
let latencies: number[] = [];
let sentAt: number[] = [];
let measuring = false;
let pushes = 0;

interface Push {
  queues: Array<{ agents: Array<{ agentId: string; since: string }> }>;
}

for (let index = Number(firstText); index < Number(firstText) + Number(countText); index += 1) {
  const queue = queues[index % queues.length]!;
  const socket = io(`${origin}/live`, {
    auth: { token: TEST_BOOTSTRAP_TOKEN, queues: [queue] },
    transports: ['websocket'],
    forceNew: true,
  });
  const lastSince = new Map<string, string>();
  socket.on('heartbeat', () => lastHeardAt.set(socket, Date.now()));
  socket.on('disconnect', () => {
    if (!stopping) disconnects += 1;
  });
  socket.on('live', (push: Push) => {
    const receivedAt = Date.now();
    lastHeardAt.set(socket, receivedAt);
    pushes += 1;
    for (const figures of push.queues) {
      for (const agent of figures.agents) {
        // A probe agent's `since` is the moment its event was sent.
        if (!agent.agentId.startsWith('probe-') || lastSince.get(agent.agentId) === agent.since) continue;
        const first = !lastSince.has(agent.agentId);
        lastSince.set(agent.agentId, agent.since);
        if (measuring && !first) {
          const sent = Date.parse(agent.since);
          latencies.push(receivedAt - sent);
          sentAt.push(sent);
        }
      }
    }
  });
  sockets.push(socket);
  if (chartEveryMs > 0) void drawChart(queue);
}

/** What web/src/features/wallboard/hooks/use-last-hour.ts asks: 12 five-minute buckets to the current one's end. */
function chartPath(queue: string): string {
  const fiveMinutes = 5 * 60_000;
  const endOfBucket = (Math.floor(Date.now() / fiveMinutes) + 1) * fiveMinutes;
  const query = new URLSearchParams({
    from: new Date(endOfBucket - 12 * fiveMinutes).toISOString(),
    to: new Date(endOfBucket).toISOString(),
    groupBy: 'interval5m',
    queue,
  });
  return `/metrics?${query.toString()}`;
}

async function drawChart(queue: string): Promise<void> {
  // TVs are switched on at different moments, not all in the same one.
  await sleep(Math.random() * chartEveryMs);
  while (!stopping) {
    const path = chartPath(queue);
    const startedAt = performance.now();
    try {
      const response = await fetch(`${origin}/api/v1${path}`, {
        headers: { authorization: `Bearer ${TEST_BOOTSTRAP_TOKEN}` },
        signal: AbortSignal.timeout(120_000),
      });
      const body = await response.text();
      if (response.ok) chart.latencies.push(Math.round(performance.now() - startedAt));
      else chartFailed(`${response.status} ${path}: ${body.slice(0, 200)}`);
    } catch (error) {
      if (!stopping) chartFailed(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await sleep(chartEveryMs);
  }
}

function chartFailed(sample: string): void {
  chart.errors += 1;
  if (chart.errorSamples.length < 10) chart.errorSamples.push(sample);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

void Promise.all(sockets.map((socket) => new Promise<void>((resolve) => socket.once('connect', () => resolve())))).then(() =>
  process.send!({ connected: sockets.length }),
);

process.on('message', (message: string) => {
  if (message === 'measure') measuring = true;
  if (message === 'report') {
    const connected = sockets.filter((socket) => socket.connected).length;
    const silent = sockets.filter((socket) => socket.connected && Date.now() - (lastHeardAt.get(socket) ?? 0) > SILENT_AFTER_MS).length;
    process.send!({ latencies, sentAt, pushes, connected, disconnects, silent, chart });
    latencies = [];
    sentAt = [];
    pushes = 0;
  }
  if (message === 'stop') {
    measuring = false;
    stopping = true;
    for (const socket of sockets) socket.close();
    process.send!({ latencies, sentAt, pushes }, () => process.exit(0));
  }
});
