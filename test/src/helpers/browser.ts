import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
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
