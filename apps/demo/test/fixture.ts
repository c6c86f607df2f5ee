import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { type StaticServer, startStaticServer } from './static-server.js';

const distDir = join(import.meta.dirname, '..', 'dist');

/** The built demo on a loopback port and a browser to open it in, shared by one test file. */
export interface DemoFixture {
  readonly url: string;
  readonly browser: Browser;
}

/** Serves dist/ and launches chromium before the file's tests, and stops both after them. */
export function useDemo(): DemoFixture {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

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

  return {
    get url() {
      if (!server)
        throw new Error('The demo server is not running: useDemo() starts it in beforeAll.');
      return server.url;
    },
    get browser() {
      if (!browser)
        throw new Error('The browser is not running: useDemo() starts it in beforeAll.');
      return browser;
    },
  };
}

/** Returns the text of a step's result region once it contains `expected`. */
export async function resultOf(page: Page, step: string, expected: string): Promise<string> {
  const result = page.locator(`#${step} .result`);
  await result.getByText(expected).first().waitFor({ timeout: 15_000 });
  return (await result.textContent()) ?? '';
}

/** Returns the text of a step's error region once it contains `expected`. */
export async function errorOf(page: Page, step: string, expected: string): Promise<string> {
  const alert = page.locator(`#${step} [role="alert"]`);
  await alert.getByText(expected).first().waitFor({ timeout: 15_000 });
  return (await alert.textContent()) ?? '';
}

/** Matches a compact JWT (an access token or a client assertion) written out in full. */
export const fullJwtPattern = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{20,}/;
