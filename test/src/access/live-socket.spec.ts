/* eslint-disable @typescript-eslint/no-explicit-any -- tests read pushes loosely and assert on them */
import { io, type Socket } from 'socket.io-client';
import { startTestApi, type TestApi } from '../helpers/api-harness';
import { connectLive, type LiveClient } from '../helpers/live-client';
import {
  claimsOf,
  createApiToken,
  createUser,
  handshakeOf,
  iso,
  JWT_SECRET,
  middayZone,
  openSocket,
  revokeApiToken,
  signedInUser,
  signIn,
  signJwt,
  twoQueueScenario,
} from './fixtures';

const NOW = Date.now();
let api: TestApi;
let supervisorToken = '';
let wallboardToken = '';
const sockets: Socket[] = [];
const clients: LiveClient[] = [];

beforeAll(async () => {
  api = await startTestApi({ timezone: middayZone(NOW), env: { CALLBOARD_JWT_SECRET: JWT_SECRET } });
  await api.postEvents(twoQueueScenario(NOW));
  supervisorToken = (await signedInUser(api, { username: 'billing-lead', role: 'supervisor', queues: ['billing'] })).accessToken;
  wallboardToken = (await createApiToken(api, { name: 'billing tv', role: 'wallboard', queues: ['billing'] })).secret;
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const client of clients.splice(0)) client.close();
});
afterAll(() => api?.close());

function raw(auth: Record<string, unknown>): Socket {
  const socket = openSocket(api, auth);
  sockets.push(socket);
  return socket;
}

function live(token: string, queues?: string[]): LiveClient & { subscriptionErrors: any[] } {
  const client = Object.assign(connectLive(api.origin, { token, queues }), { subscriptionErrors: [] as any[] });
  client.socket.on('subscription_error', (error: unknown) => client.subscriptionErrors.push(error));
  clients.push(client);
  return client;
}

function nextEvent(socket: Socket, name: string, timeoutMs: number): Promise<any> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(name, (payload: unknown) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

let callNumber = 0;
/** A new waiting call in each queue, sales first: once billing's shows, sales' change has been pushed too. */
async function newCalls(queues: string[]): Promise<void> {
  await api.postEvents(
    queues.map((queue) => ({
      eventId: `live-${++callNumber}`,
      type: 'call.offered',
      ts: iso(Date.now()),
      callId: `live-${callNumber}`,
      queue,
    })),
  );
}

const queuesPushed = (client: LiveClient) => [...new Set(client.pushes.flatMap((push) => push.queues.map((queue) => queue.queue)))].sort();
// The live state counts a waiting call as soon as its event lands (period figures follow a second later).
const waiting = (client: LiveClient, queue: string) => client.view.queues.get(queue)?.waitingNow ?? 0;

describe('the /live handshake', () => {
  it("refuses a missing or bad token with connect_error 'unauthorised'", async () => {
    const claims = claimsOf((await signIn(api, 'billing-lead')).accessToken);
    const expired = signJwt({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, JWT_SECRET);
    const revoked = await createApiToken(api, { name: 'old tv', role: 'wallboard' });
    await revokeApiToken(api, revoked.id);
    for (const auth of [{}, { token: 'garbage' }, { token: 42 }, { token: expired }, { token: revoked.secret }]) {
      expect([auth, await handshakeOf(raw(auth))]).toEqual([
        auth,
        { connected: false, message: 'unauthorised', data: expect.objectContaining({ status: 401 }) },
      ]);
    }
  });

  it("refuses an intake token with connect_error 'forbidden'", async () => {
    const intake = await createApiToken(api, { name: 'pbx', role: 'intake' });
    expect(await handshakeOf(raw({ token: intake.secret }))).toEqual({
      connected: false,
      message: 'forbidden',
      data: expect.objectContaining({ status: 403 }),
    });
  });
});

describe('subscriptions', () => {
  it("refuses a supervisor's subscription outside their queues and pushes nothing from there; their own queue works", async () => {
    const whole = live(api.token);
    const supervisor = live(supervisorToken, ['sales']);
    await new Promise<void>((resolve) => supervisor.socket.once('connect', () => resolve()));
    const forbidden = { error: 'Forbidden', parameters: [{ name: expect.stringMatching(/^queues?$/), message: expect.any(String) }] };
    await whole.until((view) => view.queues.has('sales'), 'the whole centre');
    expect(supervisor.subscriptionErrors).toEqual([forbidden]);
    expect(await supervisor.socket.emitWithAck('subscribe', { queues: ['sales'] })).toEqual(forbidden);
    expect(await supervisor.socket.emitWithAck('subscribe', { queues: ['billing', 'sales'] })).toEqual(forbidden);
    expect(supervisor.pushes).toEqual([]);

    expect(await supervisor.socket.emitWithAck('subscribe', { queues: ['billing'] })).toEqual({ tenant: 'default', queues: ['billing'] });
    expect(await supervisor.socket.emitWithAck('subscribe', {})).toEqual({ tenant: 'default', queues: ['billing'] });
    expect(await supervisor.socket.emitWithAck('subscribe', { queues: ['sales'] })).toEqual(forbidden);
    await supervisor.until((view) => view.queues.has('billing'), 'the billing snapshot');
    const before = { billing: waiting(supervisor, 'billing'), sales: waiting(whole, 'sales') };
    await newCalls(['sales', 'billing']);
    await whole.until(() => waiting(whole, 'sales') > before.sales, 'the new sales call on the whole centre');
    await supervisor.until(() => waiting(supervisor, 'billing') > before.billing, 'the new billing call');
    expect(queuesPushed(supervisor)).toEqual(['billing']);
    expect(supervisor.pushes.filter((push) => push.totals)).toEqual([]);
  });

  it('gives a wallboard token only its queues, without the centre totals', async () => {
    const wallboard = live(wallboardToken);
    await wallboard.until((view) => view.queues.has('billing'), 'the billing snapshot');
    expect(wallboard.pushes[0]).toMatchObject({ snapshot: true });
    expect(await wallboard.socket.emitWithAck('subscribe', { queues: ['sales'] })).toMatchObject({ error: 'Forbidden' });
    const before = waiting(wallboard, 'billing');
    await newCalls(['sales', 'billing']);
    await wallboard.until(() => waiting(wallboard, 'billing') > before, 'the new billing call');
    expect(queuesPushed(wallboard)).toEqual(['billing']);
    expect(wallboard.pushes.filter((push) => push.totals)).toEqual([]);
    expect(wallboard.subscriptionErrors).toEqual([]);
  });
});

describe('credentials ending while connected', () => {
  // The server checks open sockets every 15 s.
  const CHECK_DEADLINE_MS = 40_000;

  it('sends auth_expired and disconnects a socket whose API token is revoked', async () => {
    const tv = await createApiToken(api, { name: 'doomed tv', role: 'wallboard', queues: ['billing'] });
    const socket = raw({ token: tv.secret });
    expect(await handshakeOf(socket)).toEqual({ connected: true });
    const expiredNotice = nextEvent(socket, 'auth_expired', CHECK_DEADLINE_MS);
    const disconnected = nextEvent(socket, 'disconnect', CHECK_DEADLINE_MS);
    await revokeApiToken(api, tv.id);
    expect(await expiredNotice).toEqual({ message: expect.any(String) });
    expect(await disconnected).toBe('io server disconnect');
  });

  it('sends auth_expired when the access token expires; the client reconnects with a renewed one', async () => {
    const shortLived = await startTestApi({ env: { CALLBOARD_ACCESS_TOKEN_TTL: '10' } });
    try {
      await createUser(shortLived, { username: 'brief', role: 'qa' });
      let tokens = await signIn(shortLived, 'brief');
      const socket = io(`${shortLived.origin}/live`, {
        auth: (callback) => callback({ token: tokens.accessToken }),
        transports: ['websocket'],
        reconnection: false,
      });
      sockets.push(socket);
      expect(await handshakeOf(socket)).toEqual({ connected: true });
      const expiredNotice = nextEvent(socket, 'auth_expired', CHECK_DEADLINE_MS);
      const disconnected = nextEvent(socket, 'disconnect', CHECK_DEADLINE_MS);
      expect(await expiredNotice).toEqual({ message: expect.any(String) });
      expect(await disconnected).toBe('io server disconnect');

      const renewed = await shortLived.request('POST', '/auth/refresh', { token: null, body: { refreshToken: tokens.refreshToken } });
      tokens = renewed.body as typeof tokens;
      const snapshot = nextEvent(socket, 'live', 10_000);
      socket.connect();
      expect(await snapshot).toMatchObject({ snapshot: true, tenant: 'default' });
    } finally {
      await shortLived.close();
    }
  });
});
