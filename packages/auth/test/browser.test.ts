import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { createMockApi } from '@hm-sdk/mock-server';
import { type MockHttpServer, startMockHttpServer } from '@hm-sdk/mock-server/node';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNodeKey } from './helpers.js';

// Runs the built main entry in Debian's chromium, where no Node.js module can be loaded.
const chromiumPath = '/usr/bin/chromium';
const packageRoot = new URL('..', import.meta.url).pathname;
const distRoot = join(packageRoot, 'dist');
const joseRoot = join(packageRoot, 'node_modules/jose/dist/webapi');

const page = `<!doctype html>
<script type="importmap">{ "imports": { "jose": "/jose/index.js" } }</script>
<script type="module">
  window.auth = await import('/auth/index.js');
  document.body.dataset.ready = 'true';
</script>
<body></body>`;

/** Paths that get a 404 from the static server, in place of a chunk that fails to download. */
const unavailable = new Set<string>();

/** Serves the page, the package's dist/ and jose's browser build from 127.0.0.1. */
function createStaticServer(): Server {
  return createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (unavailable.has(path)) {
      response.writeHead(404).end();
      return;
    }
    const roots: Array<[string, string]> = [
      ['/auth/', distRoot],
      ['/jose/', joseRoot],
    ];
    const match = roots.find(([prefix]) => path.startsWith(prefix));
    if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html' }).end(page);
      return;
    }
    const file = match && normalize(join(match[1], path.slice(match[0].length)));
    if (!match || !file?.startsWith(match[1])) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
}

const mock = createMockApi();
let listener: MockHttpServer;
let staticServer: Server;
let browser: Browser;
let tab: Page;

beforeAll(async () => {
  if (!existsSync(join(distRoot, 'index.js'))) {
    throw new Error('dist/index.js is missing: run `pnpm --filter @hm-sdk/auth build` first.');
  }
  listener = await startMockHttpServer(mock);
  staticServer = createStaticServer();
  await new Promise<void>((resolve) => staticServer.listen(0, '127.0.0.1', resolve));
  const { port } = staticServer.address() as AddressInfo;
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${port}/`);
  await tab.locator('body[data-ready="true"]').waitFor({ state: 'attached', timeout: 15_000 });
});

afterAll(async () => {
  await browser?.close();
  staticServer?.closeAllConnections();
  await new Promise((resolve) => staticServer?.close(resolve));
  await listener?.close();
});

interface BrowserToken {
  tokenType: string;
  scopes: string[];
  secondIsSame: boolean;
  json: string;
}

describe('main entry in chromium', () => {
  it('client secret token over CORS', async () => {
    const app = mock.registerApp();
    const result = await tab.evaluate(
      async ({ app, baseUrl }) => {
        // biome-ignore lint/suspicious/noExplicitAny: the page's module namespace is untyped.
        const { createTokenProvider } = (window as any).auth;
        const provider = createTokenProvider({ credentials: app, baseUrl });
        const [first, second] = await Promise.all([provider.getToken(), provider.getToken()]);
        return {
          tokenType: first.tokenType,
          scopes: first.scopes,
          secondIsSame: first === second,
          json: JSON.stringify(first),
        };
      },
      { app, baseUrl: listener.url },
    );
    expect(result).toMatchObject<Partial<BrowserToken>>({
      tokenType: 'bearer',
      secondIsSame: true,
    });
    expect(result.scopes).toContain('vehicle:data');
    expect(result.json).toContain('[redacted]');
  });

  it('SEC1 private key signs in the browser', async () => {
    const { privateKey, publicKey } = generateNodeKey('ec');
    const sec1 = (privateKey.export({ type: 'sec1', format: 'pem' }) as string).replace(
      /\n/g,
      '\\n',
    );
    const app = mock.registerApp();
    const { privateKeyId } = mock.registerPrivateKey({
      clientId: app.clientId,
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }) as string,
    });
    const scopes = await tab.evaluate(
      async ({ privateKeyId, sec1, baseUrl }) => {
        // biome-ignore lint/suspicious/noExplicitAny: the page's module namespace is untyped.
        const { createTokenProvider } = (window as any).auth;
        const provider = createTokenProvider({
          credentials: { privateKeyId, privateKey: sec1 },
          baseUrl,
          bodyEncoding: 'form',
        });
        return (await provider.getToken()).scopes as string[];
      },
      { privateKeyId, sec1, baseUrl: listener.url },
    );
    expect(scopes).toContain('fleet:clearance');
    expect(mock.requests.at(-1)?.status).toBe(200);
  });

  it('wrong key error in the browser', async () => {
    const rsa = generateNodeKey('rsa').privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string;
    const error = await tab.evaluate(async (pem) => {
      // biome-ignore lint/suspicious/noExplicitAny: the page's module namespace is untyped.
      const { createCredentials, checkCredentials } = (window as any).auth;
      try {
        await checkCredentials(createCredentials({ privateKeyId: 'key', privateKey: pem }));
        return undefined;
      } catch (caught) {
        const keyError = caught as { code: string; problem: string };
        return { code: keyError.code, problem: keyError.problem };
      }
    }, rsa);
    expect(error).toEqual({ code: 'ERR_AUTH_INVALID_PRIVATE_KEY', problem: 'rsa' });
  });

  it('reports a chunk that fails to download', async () => {
    const app = mock.registerApp();
    const page = await browser.newPage();
    try {
      await page.goto(tab.url());
      await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
      unavailable.add('/auth/token/provider-state.js');
      const failure = await page.evaluate(
        async ({ app, baseUrl }) => {
          // biome-ignore lint/suspicious/noExplicitAny: the page's module namespace is untyped.
          const { createTokenProvider } = (window as any).auth;
          const provider = createTokenProvider({ credentials: app, baseUrl });
          const error = await provider.getToken().catch((caught: Error) => caught);
          return { code: error.code, retryable: error.retryable, message: error.message };
        },
        { app, baseUrl: listener.url },
      );

      expect(failure.code).toBe('ERR_AUTH_NETWORK');
      expect(failure.retryable).toBe(true);
      expect(failure.message).toContain('Could not load the token provider code of @hm-sdk/auth');
      expect(failure.message).toContain('reload the page');
      expect(failure.message).not.toContain(app.clientSecret);

      // Browsers remember the failed module, so recovery takes a reload.
      unavailable.clear();
      await page.reload();
      await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
      const scopes = await page.evaluate(
        async ({ app, baseUrl }) => {
          // biome-ignore lint/suspicious/noExplicitAny: the page's module namespace is untyped.
          const { createTokenProvider } = (window as any).auth;
          return (await createTokenProvider({ credentials: app, baseUrl }).getToken()).scopes;
        },
        { app, baseUrl: listener.url },
      );
      expect(scopes).toContain('fleet:clearance');
    } finally {
      unavailable.clear();
      await page.close();
    }
  });
});
