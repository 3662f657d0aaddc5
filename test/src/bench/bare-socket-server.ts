import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { DateTime } from 'luxon';
import { Server } from 'socket.io';

/**
 * The fan-out benchmark's physical limit: Socket.IO alone, with no Callboard logic, on namespace
 * /live, each client in the rooms its handshake `auth.queues` names, and every second one `live`
 * push per room. argv: port, a captured Callboard push for one queue (a JSON file), queues
 * (comma-separated). Each room's push is that capture with the room's queue and a probe agent
 * whose `since` is the emit time: the same shape and bytes as Callboard's, so the two differ only
 * by what Callboard does to make them. Speaks over IPC: { listening, payloadBytes } once up, { tick } each second.
 */
interface Push {
  timezone: string;
  at: string;
  queues: Array<{ queue: string; agents: Array<{ agentId: string; since: string }> }>;
}

const [portText, templatePath, queueList] = process.argv.slice(2);
const template = readFileSync(templatePath!, 'utf8');
const captured = JSON.parse(template) as Push;
const capturedQueue = captured.queues[0]!.queue;
const pushes = new Map(
  queueList!
    .split(',')
    .map((queue) => [
      queue,
      JSON.parse(template.replaceAll(`"${capturedQueue}"`, `"${queue}"`).replaceAll(`probe-${capturedQueue}`, `probe-${queue}`)) as Push,
    ]),
);

const http = createServer();
const live = new Server(http).of('/live');
live.on('connection', (socket) => {
  const queues = ((socket.handshake.auth as { queues?: string[] }).queues ?? []).filter((queue) => pushes.has(queue));
  void socket.join(queues);
  for (const queue of queues) socket.emit('live', { ...pushes.get(queue)!, snapshot: true });
});

setInterval(() => {
  const now = Date.now();
  stamp(now);
  for (const [queue, push] of pushes) live.to(queue).emit('live', push);
  process.send!({ tick: now });
}, 1_000);

http.listen(Number(portText), '127.0.0.1', () => {
  stamp(Date.now());
  process.send!({ listening: true, payloadBytes: Buffer.byteLength(JSON.stringify(pushes.values().next().value)) });
});

function stamp(now: number): void {
  // Callboard's own format (centre timezone offset, milliseconds), so the byte count matches.
  const instant = DateTime.fromMillis(now, { zone: captured.timezone }).toISO({ suppressMilliseconds: true })!;
  for (const push of pushes.values()) {
    push.at = instant;
    for (const agent of push.queues[0]!.agents) agent.since = instant;
  }
}
