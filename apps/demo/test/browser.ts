import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's chromium; the workspace's test script installs it when it is missing. */
export const chromiumPath = '/usr/bin/chromium';

/** Where screenshots go: test artefacts that git ignores, like the rest of test-results/. */
export const screenshotDir = join(import.meta.dirname, '..', 'test-results', 'screenshots');

/**
 * Launches headless chromium for the tests. Host names other than 127.0.0.1 resolve to nothing,
 * so a request that escaped the mock fails at once instead of reaching a real host.
 */
export async function launchBrowser(): Promise<Browser> {
  await mkdir(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

/** Saves a full-page screenshot as test-results/screenshots/NAME.png. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/**
 * Opens the demo and waits until the mock's service worker controls the page. Messages the page
 * logs as errors fail the test, because the walkthrough should run without any.
 */
export async function openDemo(
  browser: Browser,
  url: string,
  viewport = { width: 1280, height: 900 },
): Promise<{ page: Page; consoleErrors: string[] }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    consoleErrors.push(url ? `${message.text()} (${url})` : message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  // A short approval delay keeps the clearance steps quick; the page defaults to two seconds.
  await page.goto(`${url}/?approvalDelayMs=300`);
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 15_000 });
  return { page, consoleErrors };
}
