/* eslint-disable @typescript-eslint/no-explicit-any -- tests read response bodies loosely and assert on them */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, TEST_BOOTSTRAP_TOKEN, type TestApi } from '../helpers/api-harness';
import { spawn } from 'node:child_process';
import { exitOf, freePort, REPO_ROOT } from '../helpers/processes';
import { createApiToken, createUser, handshakeOf, openSocket, PASSWORD, signIn, waitFor } from './fixtures';

const ALLOWED_ORIGIN = 'https://wall.example.com';
const OTHER_ORIGIN = 'https://elsewhere.example.com';

describe('with the default settings', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { CALLBOARD_CORS_ORIGINS: ALLOWED_ORIGIN } });
  });
  afterAll(() => api?.close());

  it("sends helmet's headers, with a CSP that does not upgrade TVs' plain-http requests", async () => {
    for (const response of [await api.request('GET', '/health', { token: null }), await api.request('GET', '/metrics', { token: null })]) {
      const header = (name: string) => response.headers.get(name);
      expect(header('content-security-policy')).toContain("default-src 'self'");
      expect(header('content-security-policy')).not.toContain('upgrade-insecure-requests');
      expect(header('x-content-type-options')).toBe('nosniff');
      expect(header('x-frame-options')).toBe('SAMEORIGIN');
      expect(header('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(header('referrer-policy')).toBe('no-referrer');
      expect(header('cross-origin-opener-policy')).toBe('same-origin');
      expect(header('x-powered-by')).toBeNull();
    }
  });

  it('answers a CORS preflight only for an allowed origin', async () => {
    const preflight = (origin: string) =>
      fetch(`${api.baseUrl}/metrics`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const allowed = await preflight(ALLOWED_ORIGIN);
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const other = await preflight(OTHER_ORIGIN);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await api.request('GET', '/auth/me', { headers: { origin: OTHER_ORIGIN } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    expect((await api.request('GET', '/auth/me', { headers: { origin: ALLOWED_ORIGIN } })).headers.get('access-control-allow-origin')).toBe(
      ALLOWED_ORIGIN,
    );
  });

  it('refuses a Socket.IO handshake from a page of another origin', async () => {
    const handshake = async (origin: string) => {
      const socket = openSocket(api, { token: api.token }, { origin });
      try {
        return (await handshakeOf(socket)).connected;
      } finally {
        socket.close();
      }
    };
    expect(await handshake(OTHER_ORIGIN)).toBe(false);
    expect(await handshake(ALLOWED_ORIGIN)).toBe(true);
    expect(await handshake(api.origin)).toBe(true); // the api's own web app
  });

  it('refuses a 1 MB settings body with 413, while event intake takes a 5 MB array', async () => {
    const queues = Object.fromEntries(Array.from({ length: 20_000 }, (_, index) => [`queue-${index}-${'q'.repeat(60)}`, null]));
    expect(JSON.stringify({ queues }).length).toBeGreaterThan(1_000_000);
    expect((await api.put('/settings', { queues })).status).toBe(413);

    const events = Array.from({ length: 5_500 }, (_, index) => ({
      eventId: `big-${index}`,
      type: 'call.offered',
      ts: new Date().toISOString(),
      callId: `big-${index}`,
      queue: 'billing',
      note: 'n'.repeat(900), // an unknown field: kept, ignored by the metrics
    }));
    expect(JSON.stringify(events).length).toBeGreaterThan(5 * 1024 * 1024);
    const response = await api.request('POST', '/events', { body: events });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ accepted: events.length, rejected: [] });
  });
});

describe('rate limits', () => {
  let api: TestApi | undefined;
  afterEach(() => api?.close());

  it("refuses a caller's 21st request in a minute with 429, whatever the routes, and still serves another caller", async () => {
    api = await startTestApi({ env: { CALLBOARD_RATE_LIMIT_PER_MINUTE: '20' } });
    const tv = await createApiToken(api, { name: 'tv', role: 'wallboard' }); // the bootstrap token's 1st request
    const paths = ['/auth/me', '/settings', '/live', '/users', '/tokens'];
    const statuses: number[] = [];
    for (let request = 2; request <= 20; request++) statuses.push((await api.request('GET', paths[request % paths.length]!)).status);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    const refused = await api.request('GET', '/auth/me');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ statusCode: 429 });
    // The standard header (not only the throttler's own Retry-After-requests): within the minute's window.
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await api.request('GET', '/live', { token: tv.secret })).status).toBe(200);
  });

  it('refuses the 6th sign-in or refresh attempt from one address in a minute, even with the right password', async () => {
    api = await startTestApi({ env: { CALLBOARD_SIGN_IN_ATTEMPTS_PER_MINUTE: '5' } });
    const instance = api;
    await createUser(instance, { username: 'guesser', role: 'qa' });
    const attempts = [
      () => instance.request('POST', '/auth/login', { token: null, body: { username: 'guesser', password: 'guess-number-1' } }),
      () =>
        instance.request('POST', '/auth/refresh', {
          token: null,
          body: { refreshToken: 'cbr_guess0000.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
        }),
    ];
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) statuses.push((await attempts[attempt % 2]!()).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const sixth = await instance.request('POST', '/auth/login', { token: null, body: { username: 'guesser', password: PASSWORD } });
    expect(sixth.status).toBe(429);
    // Only sign-in is limited this tightly: a signed-in caller goes on.
    expect((await instance.request('GET', '/auth/me')).status).toBe(200);
  });
});

describe('the request log', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'callboard-log-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('never holds a bearer token, a kiosk URL token or a password, at debug level', async () => {
    const port = await freePort();
    const webApp = join(dataDir, 'web');
    mkdirSync(webApp);
    writeFileSync(join(webApp, 'index.html'), '<!doctype html><title>Callboard</title>');
    // The built api (Nest's dependency injection needs tsc's decorator metadata), as its own
    // process: pino writes to the process's stdout, which is what is checked.
    const child = spawn(process.execPath, [join(REPO_ROOT, 'api', 'dist', 'main.js')], {
      env: {
        PATH: process.env['PATH'] ?? '',
        PORT: String(port),
        CLICKHOUSE_PATH: dataDir,
        LOG_LEVEL: 'debug',
        CALLBOARD_BOOTSTRAP_TOKEN: TEST_BOOTSTRAP_TOKEN,
        CALLBOARD_WEB_DIST: webApp,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const logged = () => output;
    try {
      const api = processApi(`http://127.0.0.1:${port}`);
      await waitFor(
        async () => (await fetch(`${api.baseUrl}/health`).catch(() => undefined))?.ok || child.exitCode !== null,
        'the api to listen',
        60_000,
      );
      expect([child.exitCode, logged().slice(0, 2000)]).toEqual([null, expect.any(String)]);
      await createUser(api, { username: 'logged', role: 'qa' });
      const tokens = await signIn(api, 'logged');
      const tv = await createApiToken(api, { name: 'tv', role: 'wallboard' });
      expect((await api.request('GET', '/auth/me', { token: tokens.accessToken })).status).toBe(200);
      // A TV's kiosk link carries its token in the page URL; a client might put one in an api URL too.
      expect((await fetch(`${api.origin}/wallboard?kiosk=1&token=${tv.secret}`)).status).toBe(200);
      expect((await api.request('GET', '/live', { token: null, query: { token: tv.secret } })).status).toBe(401);
      expect((await api.request('GET', '/metrics', { token: 'not-a-valid-token' })).status).toBe(401);
      await api.request('POST', '/auth/refresh', { token: null, body: { refreshToken: tokens.refreshToken } });

      await waitFor(async () => logged().includes('"url":"/api/v1/auth/refresh"'), 'the last request in the log', 10_000);
      // The requests are in the log, with their headers, the Authorization header redacted.
      expect(logged()).toContain('"url":"/api/v1/auth/me"');
      expect(logged()).toContain('"authorization":"[redacted]"');
      expect(logged()).toContain('token=[redacted]');
      for (const secret of [
        TEST_BOOTSTRAP_TOKEN,
        tokens.accessToken,
        tokens.refreshToken,
        tv.secret,
        tv.secret.split('.')[1]!,
        PASSWORD,
        'not-a-valid-token',
      ]) {
        expect([secret.slice(0, 12), logged().includes(secret)]).toEqual([secret.slice(0, 12), false]);
      }
    } finally {
      child.kill('SIGTERM');
      await exitOf(child);
    }
  });
});

/** The request helpers of a TestApi, for an api running as its own process. */
function processApi(origin: string): TestApi {
  const baseUrl = `${origin}/api/v1`;
  const request: TestApi['request'] = async (method, path, options = {}) => {
    const url = new URL(`${baseUrl}${path}`);
    for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.append(name, String(value));
    const bearer = options.token === undefined ? TEST_BOOTSTRAP_TOKEN : options.token;
    const response = await fetch(url, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as any, headers: response.headers };
  };
  return { origin, baseUrl, request } as TestApi;
}
