import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openDemo, saveScreenshot } from './browser.js';
import { type StaticServer, startStaticServer } from './static-server.js';

const distDir = join(import.meta.dirname, '..', 'dist');

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(
      `No build found in ${distDir}. Run "pnpm --filter @hm-sdk/demo build" first (turbo's test task does).`,
    );
  }
  server = await startStaticServer(distDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Returns the text of a step's result region once it contains `expected`. */
async function resultOf(page: Page, step: string, expected: string): Promise<string> {
  const result = page.locator(`#${step} .result`);
  await result.getByText(expected).first().waitFor({ timeout: 10_000 });
  return (await result.textContent()) ?? '';
}

describe('demo page', () => {
  it('gets a token and checks a VIN with a client secret', async () => {
    const { page, consoleErrors } = await openDemo(browser, server.url);

    await page.getByRole('button', { name: 'Create credentials' }).click();
    const credentials = await resultOf(page, 'step-auth', 'client_id');
    expect(credentials).toContain('[masked');

    await page.getByRole('button', { name: 'Get access token' }).click();
    const token = await resultOf(page, 'step-token', 'Got an access token');
    expect(token).toContain('vehicle:eligibility-check');
    expect(token).toMatch(/Expires in \d+ min/);

    await page.getByRole('button', { name: 'Check eligibility' }).click();
    const eligibility = await resultOf(page, 'step-eligibility', 'is eligible');
    expect(eligibility).toContain('2HM00000000000001 is eligible.');

    await saveScreenshot(page, 'client-secret-eligibility');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
