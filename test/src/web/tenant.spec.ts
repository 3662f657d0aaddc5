import type { Browser } from 'playwright-core';
import { startTestApi, type TestApi } from '../helpers/api-harness';
import { launchBrowser, openPage, screenshot, shownTiles, signIn, waitForFigure, type TestUser } from '../helpers/browser';

const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
// A manager of the north site, which shares the deployment with the default centre.
const NORTH_MANAGER: TestUser = { username: 'zhou', password: 'zhou-password-0123', role: 'manager', tenant: 'north' };
const shanghaiDate = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/** Someone bound to a centre other than 'default' sees their own centre on every page, with no tenant in the address. */
describe("a user of another centre than 'default'", () => {
  let api: TestApi;
  let browser: Browser;
  beforeAll(async () => {
    api = await startTestApi();
    browser = await launchBrowser();
    await api.postEvents([
      { eventId: 'n1-o', type: 'call.offered', ts: at(-60_000), callId: 'n1', queue: 'harbour', tenant: 'north' },
      { eventId: 'n2-o', type: 'call.offered', ts: at(-30_000), callId: 'n2', queue: 'harbour', tenant: 'north' },
      { eventId: 'd1-o', type: 'call.offered', ts: at(-45_000), callId: 'd1', queue: 'billing' },
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('opens the wallboard and the comparison of their own centre', async () => {
    const page = await openPage(browser);
    await signIn(page, api, NORTH_MANAGER);

    await page.goto(`${api.origin}/wallboard?lang=en`);
    await waitForFigure(page, 'harbour', 'waitingNow', '2');
    expect(new URL(page.url()).searchParams.get('tenant')).toBe('north');
    expect(await shownTiles(page)).toEqual(['tile-harbour']);
    await screenshot(page, 'wallboard-other-tenant-en');

    // Yesterday and today: the two north calls, whatever the hour (not the default centre's one).
    await page.goto(`${api.origin}/compare?from=${shanghaiDate(-1)}&to=${shanghaiDate(0)}&against=previous&lang=en`);
    const offered = page.locator('[data-testid="compare-row-offered"] [data-testid="compare-current"]');
    await offered.waitFor();
    expect((await offered.textContent())?.trim()).toBe('2');
    expect(new URL(page.url()).searchParams.get('tenant')).toBe('north');
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.context().close();
  });
});
