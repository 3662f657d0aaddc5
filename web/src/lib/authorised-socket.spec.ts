import { json, principal, resetSession, seedSession, stubFetch } from './auth-test-support';
import { KIOSK_KEY, session } from './session';

// socket.io-client is a third party that needs a server: a double records what our code asks of it.
type Listener = (...args: unknown[]) => void;
class FakeSocket {
  active = false;
  connects = 0;
  closed = false;
  private listeners = new Map<string, Listener[]>();
  constructor(readonly options: { auth: (send: (data: object) => void) => void }) {}
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
  connect() {
    this.connects += 1;
  }
  close() {
    this.closed = true;
  }
  /** What the next handshake would carry. */
  handshake(): Promise<Record<string, unknown>> {
    return new Promise((resolve) => this.options.auth(resolve as (data: object) => void));
  }
}
const sockets: FakeSocket[] = [];
vi.mock('socket.io-client', () => ({
  io: (_namespace: string, options: { auth: (send: (data: object) => void) => void }) => {
    const socket = new FakeSocket(options);
    sockets.push(socket);
    return socket;
  },
}));

const { openAuthorisedSocket } = await import('./authorised-socket');
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const refused = (socket: FakeSocket) => socket.emit('connect_error', new Error('unauthorised'));

describe('the live socket’s authentication', () => {
  beforeEach(() => {
    resetSession();
    sockets.length = 0;
  });
  afterEach(() => vi.unstubAllGlobals());

  it('hands the current token over in every handshake, with the subscription', async () => {
    seedSession({ accessToken: 'access-1' });
    openAuthorisedSocket('/live', { tenant: 'default', queues: ['billing'] });
    expect(await sockets[0]!.handshake()).toEqual({ tenant: 'default', queues: ['billing'], token: 'access-1' });
  });

  it('after auth_expired and the server’s disconnect, refreshes and connects again with the new token', async () => {
    seedSession({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    const calls = stubFetch(() =>
      json(200, { accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900, principal: principal() }),
    );
    openAuthorisedSocket('/live', { tenant: 'default' });
    const socket = sockets[0]!;
    await socket.handshake();
    socket.emit('auth_expired');
    expect(socket.connects).toBe(0); // not before the server has let go
    socket.emit('disconnect', 'io server disconnect');
    await settle();
    expect(calls.map((call) => call.path)).toEqual(['/api/v1/auth/refresh']);
    expect(socket.connects).toBe(1);
    expect((await socket.handshake())['token']).toBe('access-2');
  });

  it('refused at the handshake, refreshes once and retries; refused again, ends the session', async () => {
    seedSession({ accessToken: 'access-1' });
    const calls = stubFetch(() =>
      json(200, { accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900, principal: principal() }),
    );
    openAuthorisedSocket('/live', { tenant: 'default' });
    const socket = sockets[0]!;
    await socket.handshake();
    refused(socket);
    await settle();
    expect(socket.connects).toBe(1);
    await socket.handshake();
    refused(socket);
    await settle();
    expect(socket.connects).toBe(1);
    expect(calls.filter((call) => call.path === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(session.snapshot()).toEqual({ kind: 'none', ended: 'expired' });
  });

  it('ignores errors Socket.IO retries by itself (it is still active)', async () => {
    seedSession();
    const calls = stubFetch(() => json(500, {}));
    openAuthorisedSocket('/live', { tenant: 'default' });
    const socket = sockets[0]!;
    socket.active = true;
    socket.emit('connect_error', new Error('websocket error'));
    refused(socket);
    await settle();
    expect(calls).toEqual([]);
    expect(session.snapshot().kind).toBe('user');
  });

  it('shows a TV whose token is refused its message rather than retrying', async () => {
    localStorage.setItem(KIOSK_KEY, 'cbt_revoked');
    session.load();
    const calls = stubFetch(() => json(500, {}));
    openAuthorisedSocket('/live', { tenant: 'default', queues: ['billing'] });
    const socket = sockets[0]!;
    expect((await socket.handshake())['token']).toBe('cbt_revoked');
    refused(socket);
    await settle();
    expect(socket.connects).toBe(0);
    expect(calls).toEqual([]);
    expect(session.snapshot()).toEqual({ kind: 'kiosk', rejected: true });
  });

  it('does not reopen a socket its page closed while the token was being renewed', async () => {
    seedSession({ accessToken: 'access-1' });
    stubFetch(() => json(200, { accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900, principal: principal() }));
    const { close } = openAuthorisedSocket('/live', { tenant: 'default' });
    const socket = sockets[0]!;
    await socket.handshake();
    socket.emit('auth_expired');
    socket.emit('disconnect', 'io server disconnect');
    close();
    await settle();
    expect(socket.closed).toBe(true);
    expect(socket.connects).toBe(0);
  });
});
