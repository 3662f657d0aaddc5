import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { TestApi } from './api-harness';
import { REPO_ROOT } from './processes';

/** Debian's chromium (scripts/setup.sh installs it), never a downloaded browser (DESIGN.md "Test infrastructure"). */
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS_DIR = join(REPO_ROOT, 'test-artifacts', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  // Root in CI containers: chromium's sandbox needs a user namespace it may not get.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** A page of the given size and language, with the centre's timezone. */
export async function openPage(browser: Browser, options: { width?: number; height?: number; timezone?: string } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1600, height: options.height ?? 1000 },
    timezoneId: options.timezone ?? 'Asia/Shanghai',
    acceptDownloads: true,
  });
  return context.newPage();
}

/** Saved under test-artifacts/screenshots, kept by CI as the run's artifacts. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
}

/** Someone who signs in to the web app; created through POST /api/v1/users on first use. */
export interface TestUser {
  username: string;
  password: string;
  role: 'admin' | 'manager' | 'supervisor' | 'qa';
  displayName?: string;
  queues?: string[];
  teams?: string[];
  /** The centre the user belongs to; default 'default'. */
  tenant?: string;
}

/** The default for pages that only need someone signed in. */
export const TEST_ADMIN: TestUser = { username: 'lin', displayName: 'lin', password: 'lin-password-0123', role: 'admin' };

// The web app's storage keys (web/src/lib/session.ts): a session put there is the same as one from its login form.
const ACCESS_KEY = 'callboard.session';
const REFRESH_KEY = 'callboard.refreshToken';

const createdUsers = new WeakMap<TestApi, Set<string>>();

/** Creates `user` with the bootstrap token, once per api. */
export async function ensureUser(api: TestApi, user: TestUser): Promise<void> {
  const created = createdUsers.get(api) ?? new Set<string>();
  createdUsers.set(api, created);
  if (created.has(user.username)) return;
  const response = await api.request('POST', '/users', { body: user });
  if (response.status !== 201 && response.status !== 409) {
    throw new Error(`POST /users for ${user.username} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  created.add(user.username);
}

export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  principal: unknown;
}

/** POST /auth/login as `user`: the answer the login form gets. */
export async function logInThroughApi(api: TestApi, user: TestUser): Promise<SignedIn> {
  await ensureUser(api, user);
  const body = { username: user.username, password: user.password };
  const response = await api.request<SignedIn>('POST', '/auth/login', { token: null, body });
  if (response.status !== 200) throw new Error(`POST /auth/login as ${user.username} answered ${response.status}`);
  return response.body;
}

/**
 * Signs `page` in as `user` (the admin by default), creating the user first: by default straight into the
 * page's storage from a login through the api (quick); `via: 'form'` types into the login page like a person.
 */
export async function signIn(
  page: Page,
  api: TestApi,
  user: TestUser = TEST_ADMIN,
  options: { via?: 'storage' | 'form' } = {},
): Promise<void> {
  if (options.via === 'form') {
    await ensureUser(api, user);
    await page.goto(`${api.origin}/login`);
    await fillLoginForm(page, user);
    await page.waitForURL((url) => url.pathname !== '/login');
    return;
  }
  const signedIn = await logInThroughApi(api, user);
  // Any page of the origin will do to reach its storage; the health check is the smallest.
  await page.goto(`${api.origin}/api/v1/health`);
  await page.evaluate(
    ({ keys, signedIn }) => {
      const { accessToken, refreshToken, expiresIn, principal } = signedIn;
      sessionStorage.setItem(keys.access, JSON.stringify({ accessToken, expiresAt: Date.now() + expiresIn * 1000, principal }));
      localStorage.setItem(keys.refresh, refreshToken);
    },
    { keys: { access: ACCESS_KEY, refresh: REFRESH_KEY }, signedIn },
  );
}

/** Types `user`'s name and password into the login page on screen and submits it. */
export async function fillLoginForm(page: Page, user: Pick<TestUser, 'username' | 'password'>): Promise<void> {
  const form = page.getByTestId('login-form');
  await form.locator('input[autocomplete="username"]').fill(user.username);
  await form.locator('input[autocomplete="current-password"]').fill(user.password);
  await form.locator('button[type="submit"]').click();
}

/** A wallboard figure: `name` (waitingNow, asaSeconds, …) on `queue`'s tile. */
export const wallboardFigure = (queue: string, name: string) => `[data-testid="tile-${queue}"] [data-testid="figure-${name}"]`;

/** Waits until the wallboard shows `text` for `name` on `queue`'s tile. */
export async function waitForFigure(
  page: Page,
  queue: string,
  name: string,
  text: string,
  options: { timeout?: number } = {},
): Promise<void> {
  await page.waitForFunction(
    ({ selector, expected }) => document.querySelector(selector)?.textContent?.trim() === expected,
    { selector: wallboardFigure(queue, name), expected: text },
    options,
  );
}

/** The wallboard tiles on screen, in order, as their test ids (`tile-<queue>`). */
export function shownTiles(page: Page): Promise<Array<string | null>> {
  return page.locator('[data-testid^="tile-"]').evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-testid')));
}
