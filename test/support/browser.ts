import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loginAs } from './server.ts';

/** Screenshots are saved here as test artifacts. */
export const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts');

/**
 * Debian's Chromium, headless. The background-networking flags keep it from calling out of this
 * machine's closed network.
 */
export async function launchBrowser(): Promise<Browser> {
  await mkdir(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** A page already signed in as a demo user (through the API; the login form has its own test). */
export async function signedInPage(browser: Browser, url: string, username: string): Promise<Page> {
  const session = await loginAs(url, username);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const [name, value] = session.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url }]);
  return context.newPage();
}

/**
 * Waits until `condition` holds, asked from Node. A page-side predicate given as text
 * (`page.waitForFunction('…')`) is evaluated with eval in the page as soon as it must poll, which
 * the app's Content-Security-Policy (script-src 'self') refuses; it passed only when it held at once.
 */
export async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the page's location hash contains `part`. */
export function hashIncludes(page: Page, part: string): Promise<void> {
  return until(async () => new URL(page.url()).hash.includes(part), `#…${part}`);
}

/** Waits until exactly `n` elements match `selector`. */
export function countIs(page: Page, selector: string, n: number): Promise<void> {
  return until(async () => (await page.locator(selector).count()) === n, `${n} × ${selector}`);
}
