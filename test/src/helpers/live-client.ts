/* eslint-disable @typescript-eslint/no-explicit-any -- tests read pushes loosely and assert on them */
import { io, type Socket } from 'socket.io-client';
import { TEST_BOOTSTRAP_TOKEN } from './test-token';

export interface LivePush {
  snapshot: boolean;
  at: string;
  tenant: string;
  queues: Array<Record<string, any> & { queue: string }>;
  totals?: Record<string, any>;
}

export interface LiveClient {
  socket: Socket;
  /** Every `live` push, in order of arrival. */
  pushes: LivePush[];
  alerts: Array<Record<string, any>>;
  /** The figures as merged from the snapshot and the pushes after it. */
  view: { queues: Map<string, Record<string, any>>; totals?: Record<string, any> };
  /** Resolves once the merged view satisfies `check` (polled on every push). */
  until(check: (view: LiveClient['view']) => boolean, description: string, timeoutMs?: number): Promise<void>;
  close(): void;
}

/**
 * A socket.io-client on namespace /live, subscribed through the handshake (so every reconnect
 * re-subscribes), authenticated with `token` (default the test api's bootstrap token).
 */
export function connectLive(origin: string, subscription: { queues?: string[]; tenant?: string; token?: string } = {}): LiveClient {
  const auth = { token: TEST_BOOTSTRAP_TOKEN, ...subscription };
  const socket = io(`${origin}/live`, { auth, transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 500 });
  const client: LiveClient = {
    socket,
    pushes: [],
    alerts: [],
    view: { queues: new Map() },
    until: (check, description, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const poll = () => {
          if (check(client.view)) return resolve();
          if (Date.now() - started > timeoutMs) {
            return reject(new Error(`live view never showed ${description}; last: ${JSON.stringify(summary(client.view))}`));
          }
          setTimeout(poll, 20);
        };
        poll();
      }),
    close: () => socket.close(),
  };
  socket.on('live', (push: LivePush) => {
    client.pushes.push(push);
    if (push.snapshot) client.view.queues.clear();
    for (const queue of push.queues) client.view.queues.set(queue.queue, queue);
    if (push.totals) client.view.totals = push.totals;
  });
  socket.on('alert', (alert: Record<string, any>) => client.alerts.push(alert));
  return client;
}

function summary(view: LiveClient['view']): unknown {
  return {
    queues: [...view.queues.values()].map((queue) => ({
      queue: queue.queue,
      waitingNow: queue.waitingNow,
      offered: queue.today?.offered,
      agentsByState: queue.agentsByState,
    })),
    totals: view.totals && { waitingNow: view.totals.waitingNow, offered: view.totals.today?.offered },
  };
}
