import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { startTestApi, type TestApi } from '../helpers/api-harness';
import { launchBrowser, openPage, screenshot, signIn } from '../helpers/browser';

// Two days in Shanghai: 10 November is the baseline ("previous" of the 11th).
const day = (date: string, time: string) => `${date}T${time}+08:00`;
function answeredCall(id: string, date: string, offered: string, answered: string, queue = 'billing') {
  return [
    { eventId: `${id}-o`, type: 'call.offered', ts: day(date, offered), callId: id, queue, customerId: `+86138000${id}` },
    { eventId: `${id}-a`, type: 'call.answered', ts: day(date, answered), callId: id, queue, agentId: 'a1' },
    { eventId: `${id}-e`, type: 'call.ended', ts: day(date, '12:00:00'), callId: id, agentId: 'a1' },
    { eventId: `${id}-w`, type: 'call.wrapup_completed', ts: day(date, '12:01:00'), callId: id, agentId: 'a1', disposition: 'resolved' },
  ];
}

/** A comparison in the browser, and its CSV against the API's own numbers. */
describe('comparisons', () => {
  let api: TestApi;
  let browser: Browser;
  beforeAll(async () => {
    api = await startTestApi();
    browser = await launchBrowser();
    await api.postEvents([
      ...answeredCall('11', '2026-11-10', '09:00:00', '09:00:10'),
      ...answeredCall('12', '2026-11-10', '10:00:00', '10:00:40'),
      ...answeredCall('21', '2026-11-11', '09:00:00', '09:00:05'),
      ...answeredCall('22', '2026-11-11', '09:30:00', '09:30:15'),
      ...answeredCall('23', '2026-11-11', '10:00:00', '10:01:00'),
      { eventId: '24-o', type: 'call.offered', ts: day('2026-11-11', '11:00:00'), callId: '24', queue: 'billing' },
      { eventId: '24-x', type: 'call.abandoned', ts: day('2026-11-11', '11:00:30'), callId: '24', queue: 'billing' },
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('renders every metric and downloads a CSV with the same numbers as the API', async () => {
    const page = await openPage(browser);
    await signIn(page, api);
    await page.goto(`${api.origin}/compare?from=2026-11-11&to=2026-11-11&against=previous&lang=en`);
    await page.waitForSelector('[data-testid="compare-row-offered"] [data-testid="compare-current"]');
    // 11 Nov: 4 legs offered against 2 on the 10th.
    expect((await page.locator('[data-testid="compare-row-offered"] [data-testid="compare-current"]').textContent())?.trim()).toBe('4');
    expect((await page.locator('[data-testid="compare-row-offered"] [data-testid="compare-baseline"]').textContent())?.trim()).toBe('2');
    await screenshot(page, 'compare-en');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    expect(header).toBe('metric,current,baseline,delta,relative,better');

    const { status, body } = await api.get('/metrics/compare', {
      from: '2026-11-11T00:00:00+08:00',
      to: '2026-11-12T00:00:00+08:00',
      against: 'previous',
    });
    expect(status).toBe(200);
    const cell = (value: string | undefined) =>
      value === undefined || value === '' ? null : value === 'true' ? true : value === 'false' ? false : Number(value);
    const fromCsv = Object.fromEntries(
      lines.map((line) => {
        const [metric, current, baseline, delta, relative, better] = line.split(',');
        return [
          metric,
          { current: cell(current), baseline: cell(baseline), delta: cell(delta), relative: cell(relative), better: cell(better) },
        ];
      }),
    );
    expect(Object.keys(fromCsv).sort()).toEqual(Object.keys(body.changes).sort());
    for (const [metric, change] of Object.entries(body.changes as Record<string, Record<string, unknown>>)) {
      expect({ metric, ...fromCsv[metric] }).toEqual({
        metric,
        current: change['current'],
        baseline: change['baseline'],
        delta: change['delta'],
        relative: change['relative'],
        better: change['better'],
      });
    }
    // Hand check: service level 11 Nov = answered ≤ 20 s (2 of 3) / (4 offered − 0 short abandons) = 0.5; 10 Nov = 1 / 2 = 0.5.
    expect(fromCsv['serviceLevel']).toMatchObject({ current: 0.5, baseline: 0.5 });
  });
});
