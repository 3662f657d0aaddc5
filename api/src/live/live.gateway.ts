import { ForbiddenException, type OnModuleDestroy } from '@nestjs/common';
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
import { Authenticator } from '../auth/authenticator';
import { WATCHERS, type Principal } from '../auth/roles';
import { scopedLiveQueues, seesWholeCentre } from '../auth/scope';
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
  authExpired: 'auth_expired',
} as const;

/** How often open sockets are checked for an expired access token or a revoked API token. */
const CREDENTIAL_CHECK_MS = 15_000;

interface SocketData {
  principal: Principal;
  token: string;
}

type SubscribeAck =
  | { tenant: string; queues: string[] | null }
  | { error: 'Bad Request' | 'Forbidden'; parameters: Array<{ name: string; message: string }> };

/**
 * Namespace /live: a client subscribes to queues (or to all), gets a full snapshot at once, then
 * each change as it happens, coalesced per room to a few pushes a second. Socket.IO's own
 * reconnection re-sends the handshake `auth`, so a client that subscribes there gets a fresh
 * snapshot after every reconnect without doing anything.
 *
 * The handshake's `auth.token` must be a bearer token of a role that may watch live figures
 * (else the connection is refused: connect_error 'unauthorised' or 'forbidden'), and every
 * subscription is checked against the queues the caller is limited to. A socket whose
 * credential expires or is revoked gets `auth_expired` and is disconnected.
 */
@WebSocketGateway({ namespace: '/live' })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  @WebSocketServer() private readonly namespace!: Namespace;
  private pushes!: RoomPushes;
  private readonly subscriptions: RxSubscription[] = [];

  private credentialChecks: NodeJS.Timeout | undefined;

  constructor(
    private readonly live: LiveService,
    private readonly authenticator: Authenticator,
  ) {}

  afterInit(): void {
    this.namespace.use((socket, next) => {
      this.admit(socket).then(
        () => next(),
        (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
      );
    });
    this.credentialChecks = setInterval(() => void this.checkCredentials(), CREDENTIAL_CHECK_MS);
    this.credentialChecks.unref();
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
      this.live.heartbeats.subscribe((heartbeat) => this.namespace.emit(LIVE_EVENTS.heartbeat, heartbeat)),
    );
  }

  onModuleDestroy(): void {
    clearInterval(this.credentialChecks);
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

  /** The handshake: who is connecting, and may they watch live figures at all. */
  private async admit(socket: Socket): Promise<void> {
    const token = (socket.handshake.auth as Record<string, unknown> | undefined)?.['token'];
    const principal = typeof token === 'string' ? await this.authenticator.authenticate(token) : undefined;
    if (!principal)
      throw Object.assign(new Error('unauthorised'), { data: { status: 401, message: 'a valid bearer token is needed in auth.token' } });
    if (!WATCHERS.includes(principal.role)) {
      throw Object.assign(new Error('forbidden'), {
        data: { status: 403, message: `the ${principal.role} role may not watch live figures` },
      });
    }
    const data: SocketData = { principal, token: token as string };
    socket.data = data;
  }

  private async subscribe(socket: Socket, body: unknown): Promise<SubscribeAck> {
    const parsed = subscriptionSchema.safeParse(body);
    if (!parsed.success) {
      const parameters = parsed.error.issues.map((issue) => ({ name: issue.path.join('.') || 'subscribe', message: issue.message }));
      return { error: 'Bad Request', parameters };
    }
    const subscription: Subscription = parsed.data;
    const { principal } = socket.data as SocketData;
    let queues: string[] | undefined;
    try {
      queues = scopedLiveQueues(principal, subscription.tenant, subscription.queues ?? []);
    } catch (error) {
      if (!(error instanceof ForbiddenException)) throw error;
      const body = error.getResponse() as { parameters?: Array<{ name: string; message: string }> };
      return { error: 'Forbidden', parameters: body.parameters ?? [{ name: 'queues', message: error.message }] };
    }
    const { tenant } = subscription;
    await this.live.ensureTenant(tenant);
    for (const room of socket.rooms) if (room !== socket.id) void socket.leave(room);
    // Snapshot and join in one turn of the event loop: no change can fall between them.
    const view = this.live.currentView(tenant, queues);
    const wholeCentre = queues === undefined && seesWholeCentre(principal);
    socket.emit(LIVE_EVENTS.live, { snapshot: true, ...(wholeCentre ? view : withoutTotals(view)) });
    void socket.join(queues ? queues.map((queue) => queueRoom(tenant, queue)) : [allRoom(tenant)]);
    return { tenant, queues: queues ?? null };
  }

  /** Closes sockets whose access token expired or whose token or session was revoked since they connected. */
  private async checkCredentials(): Promise<void> {
    const now = Date.now();
    for (const socket of this.namespace.sockets.values()) {
      const data = socket.data as SocketData | undefined;
      if (!data?.principal) continue;
      const expired = data.principal.expiresAt !== undefined && data.principal.expiresAt <= now;
      if (expired || !(await this.authenticator.authenticate(data.token))) {
        socket.emit(LIVE_EVENTS.authExpired, { message: 'the token expired or was revoked: renew it and reconnect' });
        socket.disconnect(true);
      }
    }
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

function withoutTotals<T extends { totals?: unknown }>(view: T): Omit<T, 'totals'> {
  const { totals: _totals, ...rest } = view;
  return rest;
}
