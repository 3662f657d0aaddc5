import { io, type Socket } from 'socket.io-client';
import { TEST_BOOTSTRAP_TOKEN } from '../helpers/test-token';

/**
 * A child process of the live benchmarks holding some of their Socket.IO clients, so that the
 * clients' JSON parsing does not stall the driver it measures. argv: origin, client count,
 * queues (comma-separated), first client index; each client subscribes to one queue,
 * round-robin. Speaks over IPC: sends { connected } once all are up; on 'measure' starts
 * recording; on 'report' replies { latencies, sentAt, pushes, connected, disconnects, silent } and
 * starts afresh (`disconnects`: since the start; `silent`: connected sockets that got nothing,
 * not even a heartbeat, for SILENT_AFTER_MS); on 'stop' replies { latencies, sentAt, pushes }
 * and exits. `sentAt[i]` is the send time of the update `latencies[i]` was measured on, so that
 * a caller can count exactly the updates of a window.
 */
const [origin, countText, queueList, firstText] = process.argv.slice(2);
const queues = queueList!.split(',');
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
}

void Promise.all(sockets.map((socket) => new Promise<void>((resolve) => socket.once('connect', () => resolve())))).then(() =>
  process.send!({ connected: sockets.length }),
);

process.on('message', (message: string) => {
  if (message === 'measure') measuring = true;
  if (message === 'report') {
    const connected = sockets.filter((socket) => socket.connected).length;
    const silent = sockets.filter((socket) => socket.connected && Date.now() - (lastHeardAt.get(socket) ?? 0) > SILENT_AFTER_MS).length;
    process.send!({ latencies, sentAt, pushes, connected, disconnects, silent });
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
