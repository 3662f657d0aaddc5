import type { Browser, Page } from 'playwright-core';
import { startTestApi, type TestApi } from '../helpers/api-harness';
import { launchBrowser, openPage, screenshot, signIn, TEST_ADMIN } from '../helpers/browser';

// Names from the data, not the interface: they stay as they are in every language.
const QUEUES = ['billing', 'vip'];
const AGENTS = ['a1', 'a2'];
const TEAMS = ['north'];
const CALLS = ['c1', 'c2', 'c3'];
const REASON_CODES = ['lunch']; // break reasons are codes from the source, shown as given
const USERS = [TEST_ADMIN.username]; // the signed-in user's name, in the header and on the admin page
const DATA_WORDS = new Set([...QUEUES, ...AGENTS, ...TEAMS, ...CALLS, ...REASON_CODES, ...USERS, 'default', 'Callboard', 'English', 'UTC']);
const IANA_ZONE = /^[A-Z][A-Za-z]+\/[A-Za-z_]+(\/[A-Za-z_]+)?$/;
// Numbers, times, dates, percentages, durations, punctuation, arrows and icons.
const NEUTRAL = /^[\d\s\p{P}\p{S}]*$/u;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/u;

const PAGES = [
  'login',
  'wallboard',
  'wallboard?kiosk=1',
  'compare',
  'trends',
  'scorecard',
  'calls',
  'calls/c1',
  'settings',
  'admin',
  'admin?tab=tokens',
  'admin?tab=audit',
];

async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const text = node.textContent?.trim();
      const element = node.parentElement;
      if (!text || !element || element.closest('script, style')) continue;
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      texts.push(text);
    }
    for (const element of document.querySelectorAll('[aria-label], [title], input[placeholder]')) {
      for (const attribute of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(attribute)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

/** Text that should have been translated: not Chinese, not a number, not a name from the data. */
function untranslated(texts: string[]): string[] {
  return texts.filter(
    (text) =>
      !CJK.test(text) &&
      !NEUTRAL.test(text) &&
      !IANA_ZONE.test(text) &&
      !text.split(/[\s,·/]+/).every((word) => DATA_WORDS.has(word) || NEUTRAL.test(word)),
  );
}

describe('the language switch', () => {
  let api: TestApi;
  let browser: Browser;
  beforeAll(async () => {
    api = await startTestApi();
    browser = await launchBrowser();
    const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
    await api.postEvents([
      { eventId: 'a1-in', type: 'agent.state_changed', ts: at(-600_000), agentId: 'a1', state: 'available', team: 'north' },
      { eventId: 'a2-in', type: 'agent.state_changed', ts: at(-600_000), agentId: 'a2', state: 'break', team: 'north', reason: 'lunch' },
      {
        eventId: 'c1-o',
        type: 'call.offered',
        ts: at(-300_000),
        callId: 'c1',
        queue: 'billing',
        customerId: '+8613800000001',
        category: 'complaint',
      },
      { eventId: 'c1-a', type: 'call.answered', ts: at(-290_000), callId: 'c1', queue: 'billing', agentId: 'a1' },
      { eventId: 'c1-h', type: 'call.hold_started', ts: at(-200_000), callId: 'c1', agentId: 'a1' },
      { eventId: 'c1-he', type: 'call.hold_ended', ts: at(-180_000), callId: 'c1', agentId: 'a1' },
      { eventId: 'c1-e', type: 'call.ended', ts: at(-120_000), callId: 'c1', agentId: 'a1', endedBy: 'customer' },
      { eventId: 'c1-w', type: 'call.wrapup_completed', ts: at(-90_000), callId: 'c1', agentId: 'a1', disposition: 'resolved' },
      { eventId: 'c1-s', type: 'survey.completed', ts: at(-60_000), callId: 'c1', score: 5, resolved: true },
      { eventId: 'c2-o', type: 'call.offered', ts: at(-100_000), callId: 'c2', queue: 'vip', category: 'inquiry' },
      { eventId: 'c2-x', type: 'call.abandoned', ts: at(-40_000), callId: 'c2', queue: 'vip' },
      { eventId: 'c3-o', type: 'call.offered', ts: at(-20_000), callId: 'c3', queue: 'billing' },
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it.each(PAGES)('changes every visible string of /%s to Simplified Chinese', async (path) => {
    const page = await openPage(browser);
    if (path !== 'login') await signIn(page, api);
    const separator = path.includes('?') ? '&' : '?';
    await page.goto(`${api.origin}/${path}${separator}lang=en`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const name = path.replace(/[/?=]/g, '-');
    await screenshot(page, `${name}-en`);
    const english = await visibleTexts(page);

    if (path.includes('kiosk')) {
      await page.goto(`${api.origin}/${path}&lang=zh-CN`); // a kiosk has no controls: its language comes with its URL
    } else {
      await page.getByTestId('language-switch').selectOption('zh-CN');
    }
    await page.waitForTimeout(500);
    await screenshot(page, `${name}-zh-CN`);
    const chinese = await visibleTexts(page);
    expect(untranslated(chinese)).toEqual([]);
    expect(chinese).not.toEqual(english);
    await page.context().close();
  });
});
