import { api, ApiError } from './api';
import { json, principal, resetSession, seedSession, stubFetch, type FetchCall } from './auth-test-support';
import { ACCESS_KEY, KIOSK_KEY, REFRESH_KEY, session, SignInError } from './session';

const refreshed = (accessToken: string, refreshToken: string, expiresIn = 900) =>
  json(200, { accessToken, refreshToken, expiresIn, principal: principal() });
const callsTo = (calls: FetchCall[], path: string) => calls.filter((call) => call.path === path);

describe('the session', () => {
  beforeEach(resetSession);
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('sends the access token as the bearer', async () => {
    seedSession({ accessToken: 'access-1' });
    const calls = stubFetch(() => json(200, { ok: true }));
    await expect(api.get('/metrics')).resolves.toEqual({ ok: true });
    expect(calls).toMatchObject([{ path: '/api/v1/metrics', bearer: 'access-1' }]);
  });

  it('answers requests refused together with one refresh, and retries each with the new token', async () => {
    seedSession({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    let refused = 0;
    let releaseRefresh!: () => void;
    const bothRefused = new Promise<void>((resolve) => (releaseRefresh = resolve));
    const calls = stubFetch(async (call) => {
      if (call.path === '/api/v1/auth/refresh') {
        await bothRefused; // the refresh answers only once both requests have been refused
        return refreshed('access-2', 'refresh-2');
      }
      if (call.bearer === 'access-2') return json(200, { path: call.path });
      if (++refused === 2) releaseRefresh();
      return json(401, { message: 'Unauthorized' });
    });

    const answers = await Promise.all([api.get('/live'), api.get('/alerts')]);

    expect(answers).toEqual([{ path: '/api/v1/live' }, { path: '/api/v1/alerts' }]);
    expect(callsTo(calls, '/api/v1/auth/refresh')).toEqual([expect.objectContaining({ body: { refreshToken: 'refresh-1' } })]);
    expect(callsTo(calls, '/api/v1/live').map((call) => call.bearer)).toEqual(['access-1', 'access-2']);
    expect(callsTo(calls, '/api/v1/alerts').map((call) => call.bearer)).toEqual(['access-1', 'access-2']);
    expect(localStorage.getItem(REFRESH_KEY)).toBe('refresh-2');
    expect(JSON.parse(sessionStorage.getItem(ACCESS_KEY)!).accessToken).toBe('access-2');
  });

  it('retries only once: refused again with the fresh token, the session ends and storage is cleared', async () => {
    seedSession();
    const calls = stubFetch((call) => (call.path === '/api/v1/auth/refresh' ? refreshed('access-2', 'refresh-2') : json(401, {})));

    const failure = await api.get('/metrics').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(401);
    expect(callsTo(calls, '/api/v1/metrics')).toHaveLength(2);
    expect(callsTo(calls, '/api/v1/auth/refresh')).toHaveLength(1);
    expect(session.snapshot()).toEqual({ kind: 'none', ended: 'expired' });
    expect(localStorage.getItem(REFRESH_KEY)).toBeNull();
    expect(sessionStorage.getItem(ACCESS_KEY)).toBeNull();
  });

  it('ends the session when the refresh token is refused, without retrying the request', async () => {
    seedSession();
    const calls = stubFetch(() => json(401, { message: 'Unauthorized' }));
    await expect(api.get('/metrics')).rejects.toMatchObject({ status: 401 });
    expect(callsTo(calls, '/api/v1/metrics')).toHaveLength(1);
    expect(session.snapshot()).toEqual({ kind: 'none', ended: 'expired' });
  });

  it('keeps the session when the refresh fails for want of a network', async () => {
    seedSession({ refreshToken: 'refresh-1' });
    stubFetch((call) => {
      if (call.path === '/api/v1/auth/refresh') throw new TypeError('Failed to fetch');
      return json(401, {});
    });
    await expect(api.get('/metrics')).rejects.toMatchObject({ status: 401 });
    expect(session.snapshot().kind).toBe('user');
    expect(localStorage.getItem(REFRESH_KEY)).toBe('refresh-1');
  });

  it('refreshes a minute before the access token expires', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const calls = stubFetch((call) =>
      call.path === '/api/v1/auth/login' ? refreshed('access-1', 'refresh-1', 900) : refreshed('access-2', 'refresh-2', 900),
    );
    await session.signIn('lin', 'correct horse battery');

    await vi.advanceTimersByTimeAsync(839_000);
    expect(callsTo(calls, '/api/v1/auth/refresh')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000); // 900 s − 60 s
    expect(callsTo(calls, '/api/v1/auth/refresh')).toEqual([expect.objectContaining({ body: { refreshToken: 'refresh-1' } })]);
    expect(await session.token()).toBe('access-2');
  });

  it('refreshes a token that expired while the tab slept before sending anything with it', async () => {
    seedSession({ accessToken: 'access-1', expiresInMs: -1_000 });
    const calls = stubFetch((call) => (call.path === '/api/v1/auth/refresh' ? refreshed('access-2', 'refresh-2') : json(200, {})));
    await api.get('/metrics');
    expect(calls.map((call) => [call.path, call.bearer])).toEqual([
      ['/api/v1/auth/refresh', undefined],
      ['/api/v1/metrics', 'access-2'],
    ]);
  });

  it('resumes in a new tab from the refresh token alone, learning who is signed in', async () => {
    localStorage.setItem(REFRESH_KEY, 'refresh-1');
    session.load();
    expect(session.snapshot()).toEqual({ kind: 'user', principal: undefined });
    stubFetch(() => refreshed('access-2', 'refresh-2'));
    await session.resume();
    expect(session.snapshot()).toEqual({ kind: 'user', principal: principal() });
  });

  it('reports wrong credentials and throttling by their status', async () => {
    stubFetch((call) =>
      (call.body as { password: string }).password === 'slow down'
        ? json(429, { message: 'Too Many Requests' })
        : json(401, { message: 'Invalid' }),
    );
    await expect(session.signIn('lin', 'wrong')).rejects.toEqual(expect.objectContaining({ status: 401 }));
    await expect(session.signIn('lin', 'slow down')).rejects.toBeInstanceOf(SignInError);
    await expect(session.signIn('lin', 'slow down')).rejects.toMatchObject({ status: 429 });
    expect(session.snapshot().kind).toBe('none');
  });

  it('signs out: ends the session at the api with its refresh token, then forgets it here', async () => {
    seedSession({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    const calls = stubFetch(() => json(204));
    await session.signOut();
    expect(calls).toEqual([
      { method: 'POST', path: '/api/v1/auth/logout', search: '', bearer: 'access-1', body: { refreshToken: 'refresh-1' } },
    ]);
    expect(session.snapshot()).toEqual({ kind: 'none', ended: 'signedOut' });
    expect(localStorage.getItem(REFRESH_KEY)).toBeNull();
    expect(sessionStorage.getItem(ACCESS_KEY)).toBeNull();
  });

  it('signs out here even when the api cannot be reached', async () => {
    seedSession();
    stubFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    await session.signOut();
    expect(session.snapshot()).toEqual({ kind: 'none', ended: 'signedOut' });
    expect(localStorage.getItem(REFRESH_KEY)).toBeNull();
  });
});

describe('a TV’s wallboard token', () => {
  beforeEach(resetSession);
  afterEach(() => {
    vi.unstubAllGlobals();
    window.history.replaceState(null, '', '/');
  });

  it('is taken from the URL into storage, and the URL keeps everything else', async () => {
    seedSession({ refreshToken: 'refresh-1' });
    window.history.replaceState(null, '', '/wallboard?kiosk=1&queues=billing,vip&token=cbt_secret&lang=en#top');

    session.captureKioskToken();

    expect(window.location.pathname + window.location.search + window.location.hash).toBe(
      '/wallboard?kiosk=1&queues=billing,vip&lang=en#top',
    );
    expect(localStorage.getItem(KIOSK_KEY)).toBe('cbt_secret');
    expect(localStorage.getItem(REFRESH_KEY)).toBeNull(); // one credential at a time: the screen's
    const calls = stubFetch(() => json(200, {}));
    await api.get('/live');
    expect(calls[0]?.bearer).toBe('cbt_secret');
  });

  it('survives a reload (it is read from storage again)', async () => {
    localStorage.setItem(KIOSK_KEY, 'cbt_secret');
    session.load();
    const calls = stubFetch(() => json(200, {}));
    await api.get('/live');
    expect(calls[0]?.bearer).toBe('cbt_secret');
  });

  it('removes any other token from the address bar without keeping it', () => {
    window.history.replaceState(null, '', '/wallboard?token=eyJhbGciOi.not-an-api-token');
    session.captureKioskToken();
    expect(window.location.search).toBe('');
    expect(localStorage.getItem(KIOSK_KEY)).toBeNull();
    expect(session.snapshot().kind).toBe('none');
  });

  it('when refused, marks the screen rejected: no refresh, no retry, no way to the login page', async () => {
    localStorage.setItem(KIOSK_KEY, 'cbt_revoked');
    session.load();
    const calls = stubFetch(() => json(401, { message: 'Unauthorized' }));
    await expect(api.get('/live')).rejects.toMatchObject({ status: 401 });
    expect(calls.map((call) => call.path)).toEqual(['/api/v1/live']);
    expect(session.snapshot()).toEqual({ kind: 'kiosk', rejected: true });
    expect(localStorage.getItem(KIOSK_KEY)).toBe('cbt_revoked');
  });

  it('learns its principal from /auth/me', async () => {
    localStorage.setItem(KIOSK_KEY, 'cbt_secret');
    session.load();
    const screen = principal({ kind: 'token', name: 'Floor 3 TV', role: 'wallboard', queues: ['billing'] });
    const calls = stubFetch(() => json(200, screen));
    await session.resume();
    expect(calls).toMatchObject([{ path: '/api/v1/auth/me', bearer: 'cbt_secret' }]);
    expect(session.snapshot()).toEqual({ kind: 'kiosk', rejected: false, principal: screen });
  });
});
