import type { OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Subscription as RxSubscription } from 'rxjs';
import type { Namespace, Socket } from 'socket.io';
import type { Alert } from './alerts';
import { subscriptionSchema, type Subscription } from './live.dto';
import { LiveService } from './live.service';
import { RoomPushes, type RoomTarget } from './room-pushes';

/** Socket.IO events of the /live namespace (payloads in api/README.md "Live feed"). */
export const LIVE_EVENTS = {
  subscribe: 'subscribe',
  subscriptionError: 'subscription_error',
  live: 'live',
  alert: 'alert',
  heartbeat: 'heartbeat',
} as const;

type SubscribeAck = { tenant: string; queues: string[] | null } | { error: string; parameters: Array<{ name: string; message: string }> };

/**
 * Namespace /live: a client subscribes to queues (or to all), gets a full snapshot at once, then
 * each change as it happens, coalesced per room to a few pushes a second. Socket.IO's own
 * reconnection re-sends the handshake `auth`, so a client that subscribes there gets a fresh
 * snapshot after every reconnect without doing anything.
 */
@WebSocketGateway({ namespace: '/live' })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  @WebSocketServer() private readonly namespace!: Namespace;
  private pushes!: RoomPushes;
  private readonly subscriptions: RxSubscription[] = [];

  constructor(private readonly live: LiveService) {}

  afterInit(): void {
    this.pushes = new RoomPushes(
      (target) => this.push(target),
      (room) => (this.namespace.adapter.rooms.get(room)?.size ?? 0) > 0,
    );
    this.subscriptions.push(
      this.live.changes.subscribe(({ tenant, queues }) => {
        for (const queue of queues) this.pushes.changed(queueRoom(tenant, queue), { tenant, queues: [queue] });
        this.pushes.changed(allRoom(tenant), { tenant, queues: [...queues] });
      }),
      this.live.alerts.subscribe((alerts) => this.sendAlerts(alerts)),
      this.live.heartbeats.subscribe((at) => this.namespace.emit(LIVE_EVENTS.heartbeat, { at: new Date(at).toISOString() })),
    );
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.pushes?.close();
  }

  async handleConnection(socket: Socket): Promise<void> {
    // The handshake subscribes (omitted queues: all of them); `subscribe` changes the choice later.
    const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    const ack = await this.subscribe(socket, { tenant: auth['tenant'], queues: auth['queues'] });
    if ('error' in ack) socket.emit(LIVE_EVENTS.subscriptionError, ack);
  }

  @SubscribeMessage(LIVE_EVENTS.subscribe)
  onSubscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<SubscribeAck> {
    return this.subscribe(socket, body ?? {});
  }

  private async subscribe(socket: Socket, body: unknown): Promise<SubscribeAck> {
    const parsed = subscriptionSchema.safeParse(body);
    if (!parsed.success) {
      const parameters = parsed.error.issues.map((issue) => ({ name: issue.path.join('.') || 'subscribe', message: issue.message }));
      return { error: 'Bad Request', parameters };
    }
    const subscription: Subscription = parsed.data;
    await this.live.ensureTenant(subscription.tenant);
    for (const room of socket.rooms) if (room !== socket.id) void socket.leave(room);
    // Snapshot and join in one turn of the event loop: no change can fall between them.
    const view = this.live.currentView(subscription.tenant, subscription.queues);
    socket.emit(LIVE_EVENTS.live, { snapshot: true, ...(subscription.queues ? withoutTotals(view) : view) });
    const rooms = subscription.queues
      ? subscription.queues.map((queue) => queueRoom(subscription.tenant, queue))
      : [allRoom(subscription.tenant)];
    void socket.join(rooms);
    return { tenant: subscription.tenant, queues: subscription.queues ?? null };
  }

  private push({ room, tenant, queues }: RoomTarget & { room: string }): void {
    const view = this.live.currentView(tenant, queues);
    const payload = room === allRoom(tenant) ? view : withoutTotals(view);
    this.namespace.to(room).emit(LIVE_EVENTS.live, { snapshot: false, ...payload });
  }

  private sendAlerts(alerts: Alert[]): void {
    for (const alert of alerts) {
      this.namespace.to([queueRoom(alert.tenant, alert.queue), allRoom(alert.tenant)]).emit(LIVE_EVENTS.alert, alert);
    }
  }
}

function queueRoom(tenant: string, queue: string): string {
  return `queue\u0000${tenant}\u0000${queue}`;
}

function allRoom(tenant: string): string {
  return `all\u0000${tenant}`;
}

function withoutTotals<T extends { totals: unknown }>(view: T): Omit<T, 'totals'> {
  const { totals: _totals, ...rest } = view;
  return rest;
}
