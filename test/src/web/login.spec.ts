import type { Browser, Page } from 'playwright-core';
import { startTestApi, type TestApi } from '../helpers/api-harness';
import {
  ensureUser,
  fillLoginForm,
  launchBrowser,
  openPage,
  screenshot,
  shownTiles,
  signIn,
  TEST_ADMIN,
  waitForFigure,
  type TestUser,
} from '../helpers/browser';

const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const SUPERVISOR: TestUser = {
  username: 'wang',
  displayName: 'wang',
  password: 'wang-password-0123',
  role: 'supervisor',
  queues: ['billing'],
};

/** Waits until `check` holds, for things the api settles within seconds (a revoked credential on every instance). */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const storedSession = (page: Page) =>
  page.evaluate(() => ({
    access: JSON.parse(sessionStorage.getItem('callboard.session') ?? 'null') as { accessToken: string } | null,
    refreshToken: localStorage.getItem('callboard.refreshToken'),
  }));

/** Signing in and out, a TV's token link, and what a supervisor may see, in Debian's chromium against the real api. */
describe('signing in', () => {
  let api: TestApi;
  let browser: Browser;
  beforeAll(async () => {
    api = await startTestApi();
    browser = await launchBrowser();
    // Two queues waiting now: billing (one call) and vip (two).
    await api.postEvents([
      { eventId: 'b1-o', type: 'call.offered', ts: at(-60_000), callId: 'b1', queue: 'billing' },
      { eventId: 'v1-o', type: 'call.offered', ts: at(-50_000), callId: 'v1', queue: 'vip' },
      { eventId: 'v2-o', type: 'call.offered', ts: at(-40_000), callId: 'v2', queue: 'vip' },
    ]);
    await ensureUser(api, TEST_ADMIN);
    await ensureUser(api, SUPERVISOR);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('says so when the password is wrong, and stays on the login page', async () => {
    const page = await openPage(browser);
    await page.goto(`${api.origin}/login?lang=en`);
    await fillLoginForm(page, { username: TEST_ADMIN.username, password: 'not-the-password' });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Wrong username or password.');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await storedSession(page)).toEqual({ access: null, refreshToken: null });
    await screenshot(page, 'login-wrong-password-en');
    await page.context().close();
  });

  it('sends a page opened signed out to the login page, and back to it after signing in', async () => {
    const page = await openPage(browser);
    await page.goto(`${api.origin}/compare?from=2026-11-11&to=2026-11-11&lang=en`);
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/compare?from=2026-11-11&to=2026-11-11&lang=en');
    await screenshot(page, 'login-en');

    await fillLoginForm(page, TEST_ADMIN);
    await page.waitForURL((url) => url.pathname === '/compare');
    expect(new URL(page.url()).search).toBe('?from=2026-11-11&to=2026-11-11&lang=en');
    await page.getByTestId('compare-page').waitFor();
    expect(await page.getByTestId('signed-in').textContent()).toBe(`${TEST_ADMIN.displayName}Administrator`);
    await page.context().close();
  });

  it('signs out to the login page, and the old session no longer works', async () => {
    const page = await openPage(browser);
    await signIn(page, api, TEST_ADMIN, { via: 'form' });
    const before = await storedSession(page);
    expect(before.access?.accessToken).toBeTruthy();
    expect(before.refreshToken).toBeTruthy();

    await page.getByTestId('sign-out').click();
    await page.waitForURL((url) => url.pathname === '/login' && url.search === '');
    expect(await storedSession(page)).toEqual({ access: null, refreshToken: null });

    const refresh = await api.request('POST', '/auth/refresh', { token: null, body: { refreshToken: before.refreshToken } });
    expect(refresh.status).toBe(401);
    await eventually(
      async () => (await api.request('GET', '/auth/me', { token: before.access!.accessToken })).status === 401,
      'the signed-out access token is refused',
    );
    await page.goto(`${api.origin}/settings?lang=en`);
    await page.waitForURL((url) => url.pathname === '/login');
    await page.context().close();
  });

  it('shows a TV the live wallboard from its token link with no login, and its message once the token is revoked', async () => {
    // The admin makes the TV's link on the admin page.
    const admin = await openPage(browser);
    await signIn(admin, api);
    await admin.goto(`${api.origin}/admin?tab=tokens&lang=en`);
    const form = admin.getByTestId('token-form');
    await form.getByLabel('Name').fill('Floor 3 TV');
    await form.getByLabel('Used by').selectOption('wallboard');
    await form.getByLabel('Queues').fill('billing');
    await form.getByRole('button', { name: 'Create token' }).click();
    const kioskUrl = (await admin.getByTestId('token-kiosk-url').textContent())!;
    const secret = (await admin.getByTestId('token-secret-value').textContent())!;
    expect(secret).toMatch(/^cbt_/);
    expect(kioskUrl).toBe(`${api.origin}/wallboard?kiosk=1&queues=billing&lang=en&token=${secret}`);
    await screenshot(admin, 'admin-token-created-en');

    const tv = await openPage(browser, { width: 1920, height: 1080 });
    await tv.goto(kioskUrl);
    await waitForFigure(tv, 'billing', 'waitingNow', '1');
    expect(new URL(tv.url()).searchParams.has('token')).toBe(false);
    expect(new URL(tv.url()).searchParams.get('queues')).toBe('billing');
    expect(await tv.locator('[data-testid="login-form"]').count()).toBe(0);
    // A TV is switched off and on again: the token was kept.
    await tv.reload();
    await waitForFigure(tv, 'billing', 'waitingNow', '1');
    await screenshot(tv, 'kiosk-token-wallboard-en');

    await admin.getByRole('button', { name: 'Done' }).click();
    const row = admin.getByTestId('token-Floor 3 TV');
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('button', { name: 'Revoke Floor 3 TV now' }).click();
    await row.getByText(/^Revoked/).waitFor();

    await tv.getByTestId('kiosk-token-rejected').waitFor({ timeout: 30_000 });
    expect(await tv.getByTestId('kiosk-token-rejected').textContent()).toContain('This screen’s access token is no longer valid');
    expect(new URL(tv.url()).pathname).toBe('/wallboard');
    await screenshot(tv, 'kiosk-token-rejected-en');
    await admin.context().close();
    await tv.context().close();
  });

  it('shows a supervisor only their own queues’ tiles', async () => {
    const page = await openPage(browser);
    await signIn(page, api, SUPERVISOR);
    await page.goto(`${api.origin}/wallboard?lang=en`);
    await waitForFigure(page, 'billing', 'waitingNow', '1');
    await page.waitForTimeout(1_000); // pushes after the first paint would bring vip too, if they were going to
    expect(await shownTiles(page)).toEqual(['tile-billing']);
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).not.toContain('Administration');
    await page.context().close();

    // The same page for the admin has vip's tile: it is the role that hides it, not the data.
    const admin = await openPage(browser);
    await signIn(admin, api);
    await admin.goto(`${api.origin}/wallboard?lang=en`);
    await waitForFigure(admin, 'vip', 'waitingNow', '2');
    await admin.context().close();
  });
});

describe('a session longer than its access token', () => {
  const TTL_SECONDS = 10; // the api's shortest
  let api: TestApi;
  let browser: Browser;
  beforeAll(async () => {
    api = await startTestApi({ env: { CALLBOARD_ACCESS_TOKEN_TTL: String(TTL_SECONDS) } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('keeps a signed-in wallboard live: the token is refreshed and the live feed re-authenticates', async () => {
    await api.postEvents([{ eventId: 'r1-o', type: 'call.offered', ts: at(-30_000), callId: 'r1', queue: 'billing' }]);
    const page = await openPage(browser);
    await signIn(page, api, TEST_ADMIN, { via: 'form' });
    const first = await storedSession(page);
    await page.goto(`${api.origin}/wallboard?queues=billing&kiosk=1&lang=en`);
    await waitForFigure(page, 'billing', 'waitingNow', '1');

    // Past two lifetimes of the first token: the server has ended the socket it authenticated at least once.
    await page.waitForTimeout(2.5 * TTL_SECONDS * 1000);
    const later = await storedSession(page);
    expect(later.access?.accessToken).toBeTruthy();
    expect(later.access?.accessToken).not.toBe(first.access?.accessToken);
    expect(later.refreshToken).not.toBe(first.refreshToken);

    // Only the socket brings this (GET /live is read once): a figure that moves proves the feed is authenticated again.
    await api.postEvents([{ eventId: 'r2-o', type: 'call.offered', ts: at(0), callId: 'r2', queue: 'billing' }]);
    await waitForFigure(page, 'billing', 'waitingNow', '2', { timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe('/wallboard');
    await page.context().close();
  });
});
