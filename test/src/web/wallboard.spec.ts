import type { Browser } from 'playwright-core';
import { startTestApi, type TestApi } from '../helpers/api-harness';
import { launchBrowser, openPage, screenshot, signIn, waitForFigure, wallboardFigure } from '../helpers/browser';

const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/** The TV wallboard in Debian's chromium against the real api on the embedded default. */
describe('wallboard', () => {
  let browser: Browser;
  const apis: TestApi[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const api of apis) await api.close().catch(() => undefined);
    await browser?.close();
  });

  it('shows live figures, and a tile changes within two seconds of an event being sent', async () => {
    const api = await startTestApi();
    apis.push(api);
    await api.postEvents([
      { eventId: 'a1-in', type: 'agent.state_changed', ts: at(-120_000), agentId: 'a1', state: 'available', team: 'north' },
      { eventId: 'c1-o', type: 'call.offered', ts: at(-60_000), callId: 'c1', queue: 'billing', customerId: '+8613800000001' },
      { eventId: 'c1-a', type: 'call.answered', ts: at(-50_000), callId: 'c1', queue: 'billing', agentId: 'a1' },
      { eventId: 'a1-on', type: 'agent.state_changed', ts: at(-50_000), agentId: 'a1', state: 'on_call' },
      { eventId: 'c2-o', type: 'call.offered', ts: at(-30_000), callId: 'c2', queue: 'billing' },
    ]);
    const page = await openPage(browser);
    await signIn(page, api);
    await page.goto(`${api.origin}/wallboard?queues=billing&kiosk=1&lang=en`);
    await waitForFigure(page, 'billing', 'waitingNow', '1');
    // c1 waited 10 s (ASA 0:10), within the 20 s service level; today's figures follow within about a second.
    await waitForFigure(page, 'billing', 'asaSeconds', '0:10');
    expect(await page.locator(wallboardFigure('billing', 'waitingNow')).getAttribute('data-band')).toBe('green');
    expect(await page.locator('[data-testid="agent-strip"]').textContent()).toContain('a1');
    await screenshot(page, 'wallboard-kiosk-en');

    const sentAt = Date.now();
    await api.postEvents([{ eventId: 'c3-o', type: 'call.offered', ts: at(0), callId: 'c3', queue: 'billing' }]);
    await waitForFigure(page, 'billing', 'waitingNow', '2', { timeout: 2_000 - (Date.now() - sentAt) });
  });

  it('says the data is delayed when the feed stops', async () => {
    const api = await startTestApi();
    await api.postEvents([{ eventId: 'q1-o', type: 'call.offered', ts: at(-5_000), callId: 'q1', queue: 'sales' }]);
    const page = await openPage(browser);
    await signIn(page, api);
    await page.goto(`${api.origin}/wallboard?queues=sales&kiosk=1&lang=zh-CN`);
    await page.waitForSelector(`[data-testid="tile-sales"]`);
    expect(await page.locator('[data-testid="feed-delayed"]').count()).toBe(0);
    await screenshot(page, 'wallboard-kiosk-zh-CN');
    await api.close(); // the feed stops: no pushes, no heartbeats
    await page.waitForSelector('[data-testid="feed-delayed"]', { timeout: 15_000 });
    await screenshot(page, 'wallboard-delayed-zh-CN');
  });
});
