/* eslint-disable @typescript-eslint/no-explicit-any -- tests read response bodies loosely and assert on them */
import { startTestApi, type TestApi } from '../helpers/api-harness';
import {
  claimsOf,
  createApiToken,
  createUser,
  iso,
  JWT_SECRET,
  middayZone,
  openApiDatabase,
  rowsOf,
  revokeApiToken,
  signedInUser,
  signIn,
  signJwt,
  twoQueueScenario,
  waitFor,
  type Role,
} from './fixtures';

// Who may call what, written from the auth contract (not imported from the api, so a wrong
// decorator there fails here).
const ANALYSTS: Role[] = ['admin', 'manager', 'supervisor', 'qa'];
const WATCHERS: Role[] = [...ANALYSTS, 'wallboard'];
const SETTINGS_EDITORS: Role[] = ['admin', 'manager'];
const EVENT_SENDERS: Role[] = ['admin', 'intake'];
const ADMINS: Role[] = ['admin'];
const EVERYONE: Role[] = [...ANALYSTS, 'wallboard', 'intake'];

interface Sample {
  path?: string;
  query?: Record<string, string | string[]>;
  body?: unknown;
}

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As the OpenAPI document spells it, without /api/v1. */
  path: string;
  /** The roles that may call it; 'public': anyone, with or without a token. */
  allowed: readonly Role[] | 'public';
  /** A valid request (made afresh for each call when a call uses something up). */
  sample: () => Sample | Promise<Sample>;
}

const NOW = Date.now();
const PERIOD = { from: iso(NOW - 2 * 3_600_000), to: iso(NOW + 3_600_000) };
let api: TestApi;
let sequence = 0;
const fixture = { patchedUserId: '', loginUser: 'matrix-login' };

const ROUTES: Route[] = [
  { method: 'GET', path: '/health', allowed: 'public', sample: () => ({}) },
  { method: 'GET', path: '/ready', allowed: 'public', sample: () => ({}) },
  {
    method: 'POST',
    path: '/auth/login',
    allowed: 'public',
    sample: () => ({ body: { username: fixture.loginUser, password: 'correct-horse-battery-staple' } }),
  },
  {
    method: 'POST',
    path: '/auth/refresh',
    allowed: 'public',
    sample: async () => ({ body: { refreshToken: (await signIn(api, fixture.loginUser)).refreshToken } }),
  },
  {
    method: 'POST',
    path: '/auth/logout',
    allowed: 'public',
    sample: async () => ({ body: { refreshToken: (await signIn(api, fixture.loginUser)).refreshToken } }),
  },
  { method: 'GET', path: '/auth/me', allowed: EVERYONE, sample: () => ({}) },
  { method: 'GET', path: '/metrics', allowed: WATCHERS, sample: () => ({ query: PERIOD }) },
  { method: 'GET', path: '/metrics/compare', allowed: ANALYSTS, sample: () => ({ query: { ...PERIOD, against: 'previous' } }) },
  { method: 'GET', path: '/trends', allowed: ANALYSTS, sample: () => ({ query: { ...PERIOD, metric: 'offered', bucket: 'hour' } }) },
  { method: 'GET', path: '/calls', allowed: ANALYSTS, sample: () => ({ query: PERIOD }) },
  { method: 'GET', path: '/calls/{callId}', allowed: ANALYSTS, sample: () => ({ path: '/calls/b1' }) },
  { method: 'GET', path: '/settings', allowed: WATCHERS, sample: () => ({}) },
  { method: 'PUT', path: '/settings', allowed: SETTINGS_EDITORS, sample: () => ({ body: { defaults: { serviceLevelTarget: 0.8 } } }) },
  { method: 'GET', path: '/live', allowed: WATCHERS, sample: () => ({}) },
  { method: 'GET', path: '/alerts', allowed: WATCHERS, sample: () => ({}) },
  {
    method: 'POST',
    path: '/events',
    allowed: EVENT_SENDERS,
    // Long ago and in a queue of its own: the scope tests' figures stay as worked out.
    sample: () => ({
      body: [
        { eventId: `matrix-${++sequence}`, type: 'call.offered', ts: '2025-01-01T00:00:00Z', callId: `m-${sequence}`, queue: 'matrix' },
      ],
    }),
  },
  { method: 'POST', path: '/sources/connect-ctr', allowed: EVENT_SENDERS, sample: () => ({ body: [] }) },
  { method: 'GET', path: '/users', allowed: ADMINS, sample: () => ({}) },
  {
    method: 'POST',
    path: '/users',
    allowed: ADMINS,
    sample: () => ({ body: { username: `matrix-new-${++sequence}`, password: 'correct-horse-battery-staple', role: 'qa' } }),
  },
  {
    method: 'PATCH',
    path: '/users/{id}',
    allowed: ADMINS,
    sample: () => ({ path: `/users/${fixture.patchedUserId}`, body: { displayName: 'Q' } }),
  },
  { method: 'GET', path: '/tokens', allowed: ADMINS, sample: () => ({}) },
  { method: 'POST', path: '/tokens', allowed: ADMINS, sample: () => ({ body: { name: `matrix-${++sequence}`, role: 'wallboard' } }) },
  {
    method: 'DELETE',
    path: '/tokens/{id}',
    allowed: ADMINS,
    sample: async () => ({ path: `/tokens/${(await createApiToken(api, { name: `doomed-${++sequence}`, role: 'intake' })).id}` }),
  },
  { method: 'GET', path: '/audit', allowed: ADMINS, sample: () => ({}) },
];

interface Caller {
  name: string;
  role: Role;
  token: string;
}
const callers: Caller[] = [];
const badTokens: Array<{ name: string; token: string | null }> = [];
let validForgedToken = '';

beforeAll(async () => {
  api = await startTestApi({ timezone: middayZone(NOW), env: { CALLBOARD_JWT_SECRET: JWT_SECRET } });
  await api.postEvents(twoQueueScenario(NOW));
  for (const role of ['admin', 'manager', 'qa'] as const) {
    callers.push({ name: role, role, token: (await signedInUser(api, { username: `matrix-${role}`, role })).accessToken });
  }
  const supervisor = await signedInUser(api, { username: 'matrix-supervisor', role: 'supervisor', queues: ['billing'] });
  callers.push({ name: 'supervisor', role: 'supervisor', token: supervisor.accessToken });
  callers.push({
    name: 'wallboard',
    role: 'wallboard',
    token: (await createApiToken(api, { name: 'tv', role: 'wallboard', queues: ['billing'] })).secret,
  });
  callers.push({ name: 'intake', role: 'intake', token: (await createApiToken(api, { name: 'pbx', role: 'intake' })).secret });
  callers.push({ name: 'bootstrap', role: 'admin', token: api.token });
  await createUser(api, { username: fixture.loginUser, role: 'qa' });
  fixture.patchedUserId = (await createUser(api, { username: 'matrix-patched', role: 'qa' })).id;

  const revoked = await createApiToken(api, { name: 'revoked tv', role: 'wallboard' });
  await revokeApiToken(api, revoked.id);
  const signedOut = await signedInUser(api, { username: 'matrix-signed-out', role: 'admin' });
  await api.request('POST', '/auth/logout', { token: null, body: { refreshToken: signedOut.refreshToken } });
  // The claims of an open admin session, re-signed: expired, or with a key the api does not hold.
  const claims = claimsOf((await signIn(api, 'matrix-admin')).accessToken);
  const nowSeconds = Math.floor(Date.now() / 1000);
  validForgedToken = signJwt({ ...claims, exp: nowSeconds + 600 }, JWT_SECRET);
  badTokens.push(
    { name: 'no token', token: null },
    { name: 'garbage', token: 'not-a-token' },
    { name: 'an unknown API token', token: 'cbt_unknown00.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
    { name: 'a token signed with another key', token: signJwt({ ...claims, exp: nowSeconds + 600 }, `${JWT_SECRET}-other`) },
    { name: 'an expired access token', token: signJwt({ ...claims, iat: nowSeconds - 1200, exp: nowSeconds - 60 }, JWT_SECRET) },
    { name: 'a revoked API token', token: revoked.secret },
    { name: 'the access token of a signed-out session', token: signedOut.accessToken },
  );
});
afterAll(() => api?.close());

async function call(route: Route, token: string | null) {
  const sample = await route.sample();
  return api.request(route.method, sample.path ?? route.path, { token, query: sample.query, body: sample.body });
}

describe('the route table', () => {
  it('has a row for every operation of the OpenAPI document, and none it lacks', async () => {
    const response = await fetch(`${api.origin}/api/docs/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/^\/api\/v1/, '')}`),
    );
    const tabled = ROUTES.map((route) => `${route.method} ${route.path}`);
    expect(documented.filter((operation) => !tabled.includes(operation))).toEqual([]);
    expect(tabled.filter((operation) => !documented.includes(operation))).toEqual([]);
  });

  it('signs its test tokens the way the api does (so the expired one is refused for its expiry alone)', async () => {
    const { status, body } = await api.request('GET', '/auth/me', { token: validForgedToken });
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: 'user', name: 'matrix-admin', role: 'admin' });
  });
});

describe.each(ROUTES)('$method $path', (route) => {
  it(route.allowed === 'public' ? 'answers without a token, whatever token is sent' : 'is 401 without a valid token', async () => {
    const answers: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const { name, token } of badTokens) {
      const response = await call(route, token);
      const challenged = response.headers.get('www-authenticate') === 'Bearer';
      answers[name] = response.status === 401 && challenged ? '401 Bearer' : response.status < 300 ? '2xx' : `${response.status}`;
      expected[name] = route.allowed === 'public' ? '2xx' : '401 Bearer';
    }
    expect(answers).toEqual(expected);
  });

  const title = route.allowed === 'public' ? 'answers every caller' : `allows ${route.allowed.join(', ')}; other roles get 403`;
  it(title, async () => {
    const answers: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const caller of callers) {
      const response = await call(route, caller.token);
      answers[caller.name] =
        response.status >= 200 && response.status < 300
          ? 'allowed'
          : response.status === 403
            ? 'forbidden'
            : `${response.status} ${JSON.stringify(response.body)}`;
      expected[caller.name] = route.allowed === 'public' || route.allowed.includes(caller.role) ? 'allowed' : 'forbidden';
    }
    expect(answers).toEqual(expected);
  });
});

describe('scope', () => {
  const tokenOf = (name: string) => callers.find((caller) => caller.name === name)!.token;
  let teamSupervisor = '';
  beforeAll(async () => {
    teamSupervisor = (await signedInUser(api, { username: 'matrix-north', role: 'supervisor', teams: ['north'] })).accessToken;
  });
  const as = (token: string, path: string, query: Record<string, string | string[]> = {}) => api.request('GET', path, { token, query });
  const refusedParameter = (response: { status: number; body: any }) =>
    response.status === 403 ? response.body.parameters.map((parameter: { name: string }) => parameter.name) : response.status;
  // The counts only: staffed time grows with the clock between two requests.
  const counts = ({ offered, answered, abandoned, handled }: any) => ({ offered, answered, abandoned, handled });
  const callIds = (body: any) => body.calls.map((item: { callId: string }) => item.callId).sort();

  it("limits a supervisor of billing to billing: another queue is 403 naming `queue`, no filter gives billing's figures", async () => {
    const supervisor = tokenOf('supervisor');
    expect(refusedParameter(await as(supervisor, '/metrics', { ...PERIOD, queue: 'sales' }))).toEqual(['queue']);
    expect(refusedParameter(await as(supervisor, '/metrics', { ...PERIOD, queue: ['billing', 'sales'] }))).toEqual(['queue']);
    expect(refusedParameter(await as(supervisor, '/calls', { ...PERIOD, queue: 'sales' }))).toEqual(['queue']);
    const billing = await as(supervisor, '/metrics', { ...PERIOD, queue: 'billing' });
    expect(billing.status).toBe(200);
    // billing: b1, b2 answered and handled, b3 abandoned; the centre adds sales' s1 and s2.
    const whole = await as(api.token, '/metrics', PERIOD);
    expect(counts(whole.body.totals)).toEqual({ offered: 5, answered: 3, abandoned: 2, handled: 3 });
    const unfiltered = await as(supervisor, '/metrics', PERIOD);
    expect(counts(unfiltered.body.totals)).toEqual({ offered: 3, answered: 2, abandoned: 1, handled: 2 });
    expect(counts(billing.body.totals)).toEqual(counts(unfiltered.body.totals));
    const byQueue = await as(supervisor, '/metrics', { ...PERIOD, groupBy: 'queue' });
    expect(byQueue.body.groups.map((group: any) => group.key)).toEqual([{ queue: 'billing' }]);
    expect(callIds((await as(supervisor, '/calls', PERIOD)).body)).toEqual(['b1', 'b2', 'b3']);
    const trend = await as(supervisor, '/trends', { ...PERIOD, metric: 'offered', bucket: 'hour' });
    const offered = trend.body.series.flatMap((series: any) => series.points.map((point: any) => point.value ?? 0));
    expect(offered.reduce((sum: number, value: number) => sum + value, 0)).toBe(3);
  });

  it("limits a supervisor assigned only team north to what north's agents handled", async () => {
    expect(refusedParameter(await as(teamSupervisor, '/metrics', { ...PERIOD, team: 'south' }))).toEqual(['team']);
    // North's a-north answered and handled b1 (billing) and s1 (sales).
    const unfiltered = await as(teamSupervisor, '/metrics', PERIOD);
    expect(counts(unfiltered.body.totals)).toEqual({ offered: 2, answered: 2, abandoned: 0, handled: 2 });
    expect(counts((await as(teamSupervisor, '/metrics', { ...PERIOD, team: 'north' })).body.totals)).toEqual(
      counts(unfiltered.body.totals),
    );
    expect((await as(teamSupervisor, '/metrics', { ...PERIOD, queue: 'billing' })).body.totals).toMatchObject({ offered: 1, handled: 1 });
    expect(callIds((await as(teamSupervisor, '/calls', PERIOD)).body)).toEqual(['b1', 's1']);
    expect((await as(teamSupervisor, '/calls/b1')).status).toBe(200);
    expect(refusedParameter(await as(teamSupervisor, '/calls/b2'))).toEqual(['callId']);
    // Live figures are per queue, and this supervisor has none.
    expect(refusedParameter(await as(teamSupervisor, '/live'))).toEqual(['queue']);
    expect(refusedParameter(await as(teamSupervisor, '/alerts'))).toEqual(['queue']);
  });

  it('refuses another tenant with 403 naming `tenant`, except to the bootstrap token', async () => {
    for (const name of ['admin', 'manager', 'supervisor', 'qa']) {
      for (const [path, query] of [
        ['/metrics', PERIOD],
        ['/calls', PERIOD],
        ['/calls/o1', {}],
        ['/live', {}],
        ['/settings', {}],
      ] as const) {
        expect([name, path, refusedParameter(await as(tokenOf(name), path, { ...query, tenant: 'other' }))]).toEqual([
          name,
          path,
          ['tenant'],
        ]);
      }
    }
    expect(refusedParameter(await as(tokenOf('wallboard'), '/live', { tenant: 'other' }))).toEqual(['tenant']);
    expect(refusedParameter(await as(tokenOf('wallboard'), '/metrics', { ...PERIOD, tenant: 'other' }))).toEqual(['tenant']);
    const other = await as(api.token, '/metrics', { ...PERIOD, tenant: 'other' });
    expect(other.body.totals.offered).toBe(1);
  });

  it('shows a wallboard token limited to billing only billing, without the centre totals', async () => {
    const wallboard = tokenOf('wallboard');
    const queuesOf = (body: any) => body.queues.map((queue: { queue: string }) => queue.queue).sort();
    const whole = await waitFor(async () => {
      const { body } = await as(api.token, '/live');
      return queuesOf(body).includes('sales') && body;
    }, 'sales on the whole live view');
    expect(whole.totals).toBeDefined();
    expect(refusedParameter(await as(wallboard, '/live', { queue: 'sales' }))).toEqual(['queue']);
    expect(refusedParameter(await as(wallboard, '/alerts', { queue: 'sales' }))).toEqual(['queue']);
    // The TV's last-hour chart: its own queues' figures, never another's.
    expect(refusedParameter(await as(wallboard, '/metrics', { ...PERIOD, queue: 'sales' }))).toEqual(['queue']);
    expect(counts((await as(wallboard, '/metrics', PERIOD)).body.totals)).toEqual({ offered: 3, answered: 2, abandoned: 1, handled: 2 });
    for (const token of [wallboard, tokenOf('supervisor')]) {
      const { status, body } = await as(token, '/live');
      expect(status).toBe(200);
      expect(queuesOf(body)).toEqual(['billing']);
      expect(body).not.toHaveProperty('totals');
    }
    expect((await as(tokenOf('qa'), '/live')).body.totals).toBeDefined();
  });

  it('refuses the billing supervisor a call that only visited sales', async () => {
    expect(refusedParameter(await as(tokenOf('supervisor'), '/calls/s1'))).toEqual(['callId']);
    expect((await as(tokenOf('supervisor'), '/calls/b1')).status).toBe(200);
    expect((await as(tokenOf('qa'), '/calls/s1')).status).toBe(200);
  });

  it("hides other queues' settings from scoped callers", async () => {
    const update = await api.put('/settings', { queues: { billing: { serviceLevelSeconds: 30 }, sales: { serviceLevelSeconds: 15 } } });
    expect(update.status).toBe(200);
    const queuesSeenBy = async (token: string) => Object.keys((await as(token, '/settings')).body.queues).sort();
    expect(await queuesSeenBy(tokenOf('qa'))).toEqual(['billing', 'sales']);
    expect(await queuesSeenBy(tokenOf('supervisor'))).toEqual(['billing']);
    expect(await queuesSeenBy(tokenOf('wallboard'))).toEqual(['billing']);
    expect(await queuesSeenBy(teamSupervisor)).toEqual([]);
  });

  it("rejects, and does not store, an intake token's event of another tenant", async () => {
    const event = (callId: string, tenant?: string) => ({
      eventId: `${callId}-o`,
      type: 'call.offered',
      ts: iso(Date.now() - 60_000),
      callId,
      queue: 'billing',
      ...(tenant ? { tenant } : {}),
    });
    const { status, body } = await api.request('POST', '/events', {
      token: tokenOf('intake'),
      body: [event('intake-own'), event('intake-foreign', 'other')],
    });
    expect(status).toBe(202);
    expect(body.accepted).toBe(1);
    expect(body.rejected).toEqual([{ index: 1, reason: expect.stringContaining('tenant') }]);
    expect((await as(api.token, '/calls/intake-own')).status).toBe(200);
    expect((await as(api.token, '/calls/intake-foreign', { tenant: 'other' })).status).toBe(404);
    const database = await openApiDatabase(api);
    try {
      const stored = await rowsOf<{ tenant: string }>(database, "SELECT tenant FROM events WHERE call_id LIKE 'intake-%'");
      expect(stored).toEqual([{ tenant: 'default' }]);
    } finally {
      await database.close();
    }
  });
});
