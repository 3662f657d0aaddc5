import type { Browser } from 'playwright-core';
import { startTestApi, type TestApi } from '../helpers/api-harness';
import { launchBrowser, openPage, screenshot, signIn } from '../helpers/browser';
import { ClickHouseOutage } from '../helpers/clickhouse-outage';

const LAG = '[data-testid="ingest-lag"]';

/**
 * The wallboard in chromium while ClickHouse refuses writes in the embedded api: an event waits,
 * its age passes 10 s and the board says by how much the data is delayed, then stops saying so
 * once the event is stored.
 */
describe('wallboard: data delayed by ingest lag', () => {
  const outage = new ClickHouseOutage();
  let browser: Browser;
  let api: TestApi;
  beforeAll(async () => {
    browser = await launchBrowser();
    api = await startTestApi({ testHooks: { wrapWriters: outage.wrapWriters } });
  });
  afterAll(async () => {
    outage.down = false;
    await api?.close();
    await browser?.close();
  });

  it('shows "data delayed by N s" with the event’s age while it waits, and hides it once stored', async () => {
    await api.postEvents([{ eventId: 'w1-o', type: 'call.offered', ts: new Date().toISOString(), callId: 'w1', queue: 'support' }]);
    const page = await openPage(browser);
    await signIn(page, api);
    await page.goto(`${api.origin}/wallboard?queues=support&kiosk=1&lang=en`);
    await page.waitForSelector('[data-testid="tile-support"]');
    expect(await page.locator(LAG).count()).toBe(0);

    outage.down = true;
    const sentAt = Date.now();
    const posted = api.postEvents([
      { eventId: 'w2-o', type: 'call.offered', ts: new Date(sentAt).toISOString(), callId: 'w2', queue: 'support' },
    ]);
    await page.waitForSelector(LAG, { timeout: 60_000 });
    // Let it count on a little, then read it: the seconds shown are the waiting event's age, give or take the heartbeat's second.
    await page.waitForFunction((selector) => Number(document.querySelector(selector)?.getAttribute('data-seconds')) >= 14, LAG, {
      timeout: 60_000,
    });
    const before = Date.now();
    const { seconds, text } = await page.evaluate((selector) => {
      const banner = document.querySelector(selector)!;
      return { seconds: Number(banner.getAttribute('data-seconds')), text: banner.textContent ?? '' };
    }, LAG);
    const after = Date.now();
    expect(seconds).toBeGreaterThanOrEqual((before - sentAt) / 1000 - 2);
    expect(seconds).toBeLessThanOrEqual((after - sentAt) / 1000 + 2);
    expect(text).toContain(`Data delayed by ${seconds} s`);
    // Not the "no feed" state: heartbeats keep coming.
    expect(await page.locator('[data-testid="feed-delayed"]').count()).toBe(0);
    await screenshot(page, 'wallboard-ingest-lag-en');

    outage.down = false;
    await posted;
    await page.waitForSelector(LAG, { state: 'detached', timeout: 30_000 });
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent?.trim() === '2',
      '[data-testid="tile-support"] [data-testid="figure-waitingNow"]',
      { timeout: 30_000 },
    );
  });
});
