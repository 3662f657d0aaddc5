import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Alert, Heartbeat, Live, LiveQueue } from '@callboard/api';
import { api } from './api';
import { openAuthorisedSocket } from './authorised-socket';

/** A `live` push: the full set of subscribed queues (snapshot) or the queues that changed. */
export interface LivePush extends Omit<Live, 'totals'> {
  snapshot: boolean;
  totals?: Live['totals'];
}

/** Nothing from the feed for this long and the screen says its data is delayed. */
export const DELAYED_AFTER_MS = 5_000;

export function liveQueryKey(tenant: string, queues: readonly string[] | undefined) {
  return ['live', tenant, queues ? [...queues].sort().join(',') : '*'] as const;
}

/** Merges a push into the cached figures: a snapshot replaces them, a delta replaces the queues it carries. */
export function mergeLivePush(current: Live | undefined, push: LivePush): Live {
  const { snapshot, ...figures } = push;
  if (snapshot || !current) return { ...figures, totals: figures.totals ?? current?.totals ?? (undefined as never) };
  const byQueue = new Map<string, LiveQueue>(current.queues.map((queue) => [queue.queue, queue]));
  for (const queue of push.queues) byQueue.set(queue.queue, queue);
  return { ...current, at: push.at, queues: [...byQueue.values()], totals: push.totals ?? current.totals };
}

export interface LiveFeed {
  live: Live | undefined;
  alerts: Alert[];
  connected: boolean;
  /** Nothing has arrived for DELAYED_AFTER_MS. */
  delayed: boolean;
  /** Epoch ms of the last message (push or heartbeat). */
  lastMessageAt: number | undefined;
  /** How old the oldest event not yet stored is, as of the last heartbeat (or GET /live before any). */
  ingestLagSeconds: number | undefined;
}

/**
 * GET /live for the first paint, then the Socket.IO feed patching that same query cache.
 * Socket.IO reconnects by itself and re-sends the handshake, which re-subscribes and brings a
 * fresh snapshot.
 */
export function useLiveFeed(options: { tenant?: string; queues?: readonly string[] } = {}): LiveFeed {
  const tenant = options.tenant ?? 'default';
  const queues = options.queues && options.queues.length > 0 ? options.queues : undefined;
  const key = liveQueryKey(tenant, queues);
  const queuesKey = key[2];
  const client = useQueryClient();
  const { data } = useQuery({
    queryKey: key,
    queryFn: () => api.get<Live>('/live', { tenant, queue: queues }),
    staleTime: Infinity,
  });
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [connected, setConnected] = useState(false);
  const [lastMessageAt, setLastMessageAt] = useState<number | undefined>(undefined);
  const [heartbeatLag, setHeartbeatLag] = useState<number | undefined>(undefined);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const { socket, close } = openAuthorisedSocket('/live', { tenant, ...(queues ? { queues } : {}) });
    const heard = () => setLastMessageAt(Date.now());
    socket.on('connect', () => setConnected(true));
    socket.on('disconnect', () => setConnected(false));
    socket.on('live', (push: LivePush) => {
      heard();
      client.setQueryData<Live>(key, (current) => mergeLivePush(current, push));
    });
    socket.on('heartbeat', (heartbeat: Heartbeat) => {
      heard();
      setHeartbeatLag(heartbeat.ingestLagSeconds);
    });
    socket.on('alert', (alert: Alert) => {
      heard();
      setAlerts((current) => [alert, ...current].slice(0, 50));
    });
    return close;
    // The key is derived from tenant and queues: those are what the effect depends on.
  }, [tenant, queuesKey, client]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);

  const delayed = lastMessageAt === undefined ? now - mountedAt(queuesKey) > DELAYED_AFTER_MS : now - lastMessageAt > DELAYED_AFTER_MS;
  return { live: data, alerts, connected, delayed, lastMessageAt, ingestLagSeconds: heartbeatLag ?? data?.ingestLagSeconds };
}

const mounted = new Map<string, number>();
function mountedAt(key: string): number {
  if (!mounted.has(key)) mounted.set(key, Date.now());
  return mounted.get(key)!;
}
