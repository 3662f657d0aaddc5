/* eslint-disable @typescript-eslint/no-explicit-any -- tests read response bodies loosely and assert on them */
import { startTestApi, type TestApi } from '../helpers/api-harness';
import {
  claimsOf,
  createApiToken,
  createUser,
  openApiDatabase,
  PASSWORD,
  revokeApiToken,
  rowsOf,
  signedInUser,
  signIn,
  waitFor,
} from './fixtures';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

/** Every password and token this suite handed out or typed: none may be found stored or audited. */
const secrets = new Set<string>([PASSWORD]);
function remember(...values: string[]): void {
  for (const value of values) {
    secrets.add(value);
    // A `cbt_<id>.<secret>` or `cbr_<id>.<secret>` token: its secret part alone must not leak either.
    const secret = /^cb[tr]_[^.]+\.(.+)$/.exec(value)?.[1];
    if (secret) secrets.add(secret);
  }
}

async function login(username: string, password = PASSWORD) {
  remember(password);
  const tokens = await signIn(api, username, password);
  remember(tokens.accessToken, tokens.refreshToken);
  return tokens;
}

const me = (token: string) => api.request('GET', '/auth/me', { token });
const refresh = (refreshToken: string) => api.request('POST', '/auth/refresh', { token: null, body: { refreshToken } });

describe('sign-in', () => {
  it('gives an access token and a refresh token; a wrong password and an unknown user get the same 401', async () => {
    await createUser(api, { username: 'alice', role: 'qa' });
    const tokens = await login('alice');
    expect(tokens.refreshToken).toMatch(/^cbr_/);
    expect(tokens.expiresIn).toBe(900);
    expect(tokens.principal).toEqual({
      kind: 'user',
      id: expect.any(String),
      name: 'alice',
      role: 'qa',
      tenant: 'default',
      queues: null,
      teams: null,
    });

    remember('wrong-password-123');
    const wrongPassword = await api.request('POST', '/auth/login', {
      token: null,
      body: { username: 'alice', password: 'wrong-password-123' },
    });
    const unknownUser = await api.request('POST', '/auth/login', { token: null, body: { username: 'nobody', password: PASSWORD } });
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(wrongPassword.body.message).toEqual(expect.any(String));
    expect(unknownUser.body).toEqual(wrongPassword.body);
  });

  it('answers /auth/me with the principal of any valid bearer', async () => {
    const supervisor = await signedInUser(api, { username: 'sam', role: 'supervisor', queues: ['billing'], teams: ['north'] });
    remember(supervisor.accessToken, supervisor.refreshToken);
    expect((await me(supervisor.accessToken)).body).toEqual({
      kind: 'user',
      id: supervisor.userId,
      name: 'sam',
      role: 'supervisor',
      tenant: 'default',
      queues: ['billing'],
      teams: ['north'],
    });
    const tv = await createApiToken(api, { name: 'tv', role: 'wallboard', queues: ['sales'] });
    remember(tv.secret);
    expect((await me(tv.secret)).body).toEqual({
      kind: 'token',
      id: tv.id,
      name: 'tv',
      role: 'wallboard',
      tenant: 'default',
      queues: ['sales'],
      teams: null,
    });
    expect((await me(api.token)).body).toMatchObject({ kind: 'bootstrap', role: 'admin', tenant: '*', queues: null, teams: null });
  });
});

describe('refresh', () => {
  it('rotates the refresh token; presenting a spent one ends the session and is audited', async () => {
    await createUser(api, { username: 'bob', role: 'manager' });
    const first = await login('bob');
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    remember(second.body.accessToken, second.body.refreshToken);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect((await me(second.body.accessToken)).status).toBe(200);

    // The spent token again: refused, and the whole session with it (as if it had been stolen).
    expect((await refresh(first.refreshToken)).status).toBe(401);
    expect((await refresh(second.body.refreshToken)).status).toBe(401);
    await waitFor(async () => (await me(second.body.accessToken)).status === 401, 'the access token to stop working', 10_000);
    const audit = await api.get('/audit', { action: 'refresh.reused' });
    expect(audit.body.entries).toEqual([expect.objectContaining({ action: 'refresh.reused', actor: 'user:bob', outcome: 'failure' })]);
  });
});

describe('ending sessions', () => {
  it('ends the access token within a few seconds of signing out, on every instance', async () => {
    await createUser(api, { username: 'carol', role: 'qa' });
    const tokens = await login('carol');
    // A second instance on the same database: it has seen the session open and caches that (up to 5 s).
    const other = await startTestApi({ database: api.database, keepDatabase: true });
    try {
      const meOn = async (instance: TestApi) => (await instance.request('GET', '/auth/me', { token: tokens.accessToken })).status;
      expect([await meOn(api), await meOn(other)]).toEqual([200, 200]);
      const logout = await api.request('POST', '/auth/logout', { token: null, body: { refreshToken: tokens.refreshToken } });
      expect(logout.status).toBe(204);
      expect(await meOn(api)).toBe(401);
      await waitFor(async () => (await meOn(other)) === 401, 'the other instance to refuse the access token', 10_000);
      expect((await refresh(tokens.refreshToken)).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it("ends a disabled user's session and refuses their sign-in", async () => {
    const dave = await createUser(api, { username: 'dave', role: 'qa' });
    const tokens = await login('dave');
    const change = await api.request('PATCH', `/users/${dave.id}`, { body: { disabled: true } });
    expect(change.status).toBe(200);
    expect(change.body.disabled).toBe(true);
    await waitFor(async () => (await me(tokens.accessToken)).status === 401, 'the access token to stop working', 10_000);
    expect((await refresh(tokens.refreshToken)).status).toBe(401);
    const again = await api.request('POST', '/auth/login', { token: null, body: { username: 'dave', password: PASSWORD } });
    expect(again.status).toBe(401);
  });

  it('refuses a revoked API token', async () => {
    const pbx = await createApiToken(api, { name: 'pbx', role: 'intake' });
    remember(pbx.secret);
    const events = (eventId: string) => [
      { eventId, type: 'call.offered', ts: new Date().toISOString(), callId: eventId, queue: 'billing' },
    ];
    expect((await api.request('POST', '/events', { token: pbx.secret, body: events('before-revoke') })).status).toBe(202);
    await revokeApiToken(api, pbx.id);
    expect((await api.request('POST', '/events', { token: pbx.secret, body: events('after-revoke') })).status).toBe(401);
    const listed = (await api.get('/tokens')).body.tokens.find((token: { id: string }) => token.id === pbx.id);
    expect(listed).toMatchObject({ name: 'pbx', revokedAt: expect.any(String) });
    expect(listed).not.toHaveProperty('secret');
  });
});

describe('access-token expiry', () => {
  let shortLived: TestApi;
  afterAll(() => shortLived?.close());

  it('refuses an access token once its lifetime (CALLBOARD_ACCESS_TOKEN_TTL) is over; the refresh token renews it', async () => {
    shortLived = await startTestApi({ env: { CALLBOARD_ACCESS_TOKEN_TTL: '10' } });
    await createUser(shortLived, { username: 'erin', role: 'qa' });
    const tokens = await signIn(shortLived, 'erin');
    remember(tokens.accessToken, tokens.refreshToken);
    const signedInAt = Date.now();
    expect(tokens.expiresIn).toBe(10);
    const claims = claimsOf(tokens.accessToken);
    expect(claims.exp - claims.iat).toBe(10);
    expect((await shortLived.request('GET', '/auth/me', { token: tokens.accessToken })).status).toBe(200);
    await waitFor(
      async () => (await shortLived.request('GET', '/auth/me', { token: tokens.accessToken })).status === 401,
      'the access token to expire',
      30_000,
    );
    // Not before its time: JWT expiry has whole-second precision, hence the second of slack.
    expect(Date.now() - signedInAt).toBeGreaterThanOrEqual(9_000);
    const renewed = await shortLived.request('POST', '/auth/refresh', { token: null, body: { refreshToken: tokens.refreshToken } });
    expect(renewed.status).toBe(200);
    remember(renewed.body.accessToken, renewed.body.refreshToken);
    expect((await shortLived.request('GET', '/auth/me', { token: renewed.body.accessToken })).status).toBe(200);
  });
});

describe('audit log', () => {
  it('lists sign-ins, tokens, users and settings changes with actor and target, and never a password or token', async () => {
    const frank = await createUser(api, { username: 'frank', role: 'manager' });
    const manager = await login('frank');
    remember('not-franks-password');
    await api.request('POST', '/auth/login', { token: null, body: { username: 'frank', password: 'not-franks-password' } });
    remember('franks-new-password-42');
    expect(
      (await api.request('PATCH', `/users/${frank.id}`, { body: { password: 'franks-new-password-42', displayName: 'Frank' } })).status,
    ).toBe(200);
    const renewed = await login('frank', 'franks-new-password-42');
    expect(
      (await api.request('PUT', '/settings', { token: renewed.accessToken, body: { defaults: { serviceLevelSeconds: 25 } } })).status,
    ).toBe(200);
    const queueChange = { timezone: 'Asia/Shanghai', queues: { billing: { serviceLevelSeconds: 30 }, vip: null } };
    expect((await api.request('PUT', '/settings', { token: renewed.accessToken, body: queueChange })).status).toBe(200);
    const tv = await createApiToken(api, { name: 'lobby tv', role: 'wallboard' });
    remember(tv.secret);
    await revokeApiToken(api, tv.id);
    expect(manager.accessToken).not.toBe(renewed.accessToken);

    const { status, body } = await api.get('/audit', { limit: 1000 });
    expect(status).toBe(200);
    const entries: any[] = body.entries;
    const find = (action: string, actor: string, target?: string) =>
      entries.find((entry) => entry.action === action && entry.actor === actor && (target === undefined || entry.target === target));
    expect(find('user.created', 'bootstrap', 'user:frank')).toMatchObject({ outcome: 'success', details: { role: 'manager' } });
    expect(find('login.succeeded', 'user:frank')).toMatchObject({ outcome: 'success', ip: expect.any(String) });
    expect(find('login.failed', 'user:frank')).toMatchObject({ outcome: 'failure' });
    expect(find('login.failed', 'user:nobody')).toMatchObject({ outcome: 'failure' });
    expect(find('user.updated', 'bootstrap', 'user:frank')).toMatchObject({ details: { password: 'changed', displayName: 'Frank' } });
    expect(find('settings.changed', 'user:frank', 'defaults')).toMatchObject({ details: { defaults: { serviceLevelSeconds: 25 } } });
    expect(find('settings.changed', 'user:frank', 'timezone,queue:billing,queue:vip')).toMatchObject({ details: queueChange });
    expect(find('token.created', 'bootstrap', `token:${tv.id}`)).toMatchObject({ details: { name: 'lobby tv', role: 'wallboard' } });
    expect(find('token.revoked', 'bootstrap', `token:${tv.id}`)).toBeDefined();
    for (const entry of entries)
      expect(Object.keys(entry).sort()).toEqual(['action', 'actor', 'at', 'details', 'ip', 'outcome', 'target', 'tenant']);

    const database = await openApiDatabase(api);
    try {
      const rows = JSON.stringify(await rowsOf(database, 'SELECT * FROM audit_log'));
      expect(rows).toContain('user:frank');
      expect(leaked(JSON.stringify(entries))).toEqual([]);
      expect(leaked(rows)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});

describe('stored credentials', () => {
  it('keeps passwords only as argon2id hashes, and no API token secret, refresh or access token in any table', async () => {
    remember(api.token);
    const database = await openApiDatabase(api);
    try {
      // Every version of every user (no FINAL): an old row must not hold a plain password either.
      const users = await rowsOf<{ username: string; password_hash: string }>(database, 'SELECT * FROM users');
      expect(users.length).toBeGreaterThan(5);
      for (const user of users)
        expect([user.username, user.password_hash]).toEqual([user.username, expect.stringMatching(/^\$argon2id\$/)]);
      const sessions = await rowsOf(database, 'SELECT * FROM sessions');
      const tokens = await rowsOf(database, 'SELECT * FROM api_tokens');
      expect(sessions.length).toBeGreaterThan(3);
      expect(tokens.length).toBeGreaterThan(2);
      const tables = await rowsOf<{ name: string }>(database, 'SHOW TABLES');
      for (const { name } of tables) {
        const rows = JSON.stringify(await rowsOf(database, `SELECT * FROM \`${name}\``));
        expect([name, leaked(rows)]).toEqual([name, []]);
      }
    } finally {
      await database.close();
    }
  });
});

function leaked(text: string): string[] {
  return [...secrets].filter((secret) => text.includes(secret)).map((secret) => `${secret.slice(0, 12)}…`);
}
