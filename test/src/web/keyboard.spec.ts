import type { Browser, Page } from 'playwright-core';
import { METRIC_DEFINITIONS } from '@callboard/api';
import { startTestApi, type TestApi } from '../helpers/api-harness';
import { launchBrowser, openPage, signIn } from '../helpers/browser';

/** Tabs forward until `check` holds for the focused element (a keyboard user's path to it). */
async function tabUntil(page: Page, check: string, limit = 120): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, check)) return;
  }
  throw new Error(`${limit} Tabs never reached ${check}`);
}

describe('keyboard use', () => {
  let api: TestApi;
  let browser: Browser;
  beforeAll(async () => {
    api = await startTestApi();
    browser = await launchBrowser();
    const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
    await api.postEvents([
      { eventId: 'k1-o', type: 'call.offered', ts: at(-60_000), callId: 'k1', queue: 'billing' },
      { eventId: 'k2-o', type: 'call.offered', ts: at(-30_000), callId: 'k2', queue: 'vip' },
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('opens a figure’s definition from the keyboard, and closes it with Escape', async () => {
    const page = await openPage(browser);
    await signIn(page, api);
    await page.goto(`${api.origin}/compare?lang=en`);
    await page.waitForSelector('[data-testid="compare-row-abandonmentRate"]');
    await tabUntil(page, '[data-testid="compare-row-abandonmentRate"] .metric-info-button');
    await page.keyboard.press('Enter');
    const note = page.locator('[data-testid="compare-row-abandonmentRate"] [role="note"]');
    expect(await note.textContent()).toContain(METRIC_DEFINITIONS.abandonmentRate);
    await page.keyboard.press('Escape');
    expect(await note.count()).toBe(0);
  });

  it('chooses the wallboard’s queues from the keyboard, and the choice lands in the URL', async () => {
    const page = await openPage(browser);
    await signIn(page, api);
    await page.goto(`${api.origin}/wallboard?lang=en`);
    await page.waitForSelector('[data-testid="wallboard-controls"] input[type="checkbox"]');
    await tabUntil(page, '[data-testid="wallboard-controls"] input[type="checkbox"]');
    const chosen = await page.evaluate(() => document.activeElement?.closest('label')?.textContent);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('queues') !== null);
    expect(new URL(page.url()).searchParams.get('queues')).toBe(chosen?.trim());
  });
});
