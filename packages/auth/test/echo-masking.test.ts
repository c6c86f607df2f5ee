import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenProvider } from '../src/index.js';
import { maskCause, maskSecrets } from '../src/token/excerpt.js';

// Contains every character that JSON, percent-encoding or form encoding rewrites.
const SECRET = 'p@ss w+rd/=&ü"q\\<b>-secretvalue';
// The part of the secret that survives every encoding unchanged, so any leak contains it.
const MARKER = 'secretvalue';

/** How the echo server turns the request body into the response body. */
const echoes: Record<string, (body: string) => string> = {
  raw: (body) => `echo: ${body}`,
  decoded: (body) => `echo: ${decodeURIComponent(body.replace(/\+/g, ' '))}`,
  base64: (body) => `echo: ${Buffer.from(body).toString('base64')}`,
  base64url: (body) => `echo: ${Buffer.from(body).toString('base64url')}`,
  'json-string': (body) => JSON.stringify({ echo: body }),
  'json-twice': (body) => JSON.stringify({ echo: JSON.stringify({ body }) }),
  'ascii-json': (body) =>
    JSON.stringify({ echo: body }).replace(/[\u007f-\uffff]/g, (char) => {
      return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }),
  'lowercase-percent': (body) =>
    `echo: ${body.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())}`,
  html: (body) => `<html><body><pre>${body}</pre></body></html>`,
};

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => {
      const mode = request.url?.split('/')[1] ?? 'raw';
      const status = request.url?.includes('/ok/') ? 200 : 502;
      response.writeHead(status, { 'content-type': 'text/plain' });
      response.end((echoes[mode] ?? echoes.raw)?.(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function tokenError(path: string, bodyEncoding: 'json' | 'form'): Promise<unknown> {
  const provider = createTokenProvider({
    credentials: { clientId: 'cid', clientSecret: SECRET },
    baseUrl: `${baseUrl}${path}`,
    bodyEncoding,
    retry: { maxAttempts: 1 },
  });
  return provider.getToken().catch((error: unknown) => error);
}

function renderings(error: unknown): string[] {
  return [
    String(error),
    inspect(error, { showHidden: true, depth: 10 }),
    JSON.stringify(error),
    (error as { bodyExcerpt?: string }).bodyExcerpt ?? '',
  ];
}

describe('secret echoed by the token endpoint', () => {
  for (const mode of Object.keys(echoes)) {
    // Decoding a JSON body as a form would change the secret itself, so that case is skipped.
    const encodings = mode === 'decoded' ? (['form'] as const) : (['json', 'form'] as const);
    for (const bodyEncoding of encodings) {
      for (const status of ['ok', 'error']) {
        it(`${mode} echo, ${bodyEncoding} body, ${status} status`, async () => {
          const error = await tokenError(`/${mode}/${status}`, bodyEncoding);
          expect(error).toMatchObject({ code: 'ERR_AUTH_UNEXPECTED_RESPONSE' });
          for (const text of renderings(error)) {
            expect(text).not.toContain(MARKER);
          }
          const excerpt = (error as { bodyExcerpt: string }).bodyExcerpt;
          if (excerpt !== '') {
            expect(excerpt).toContain('[redacted]');
          }
        });
      }
    }
  }
});

describe('maskSecrets', () => {
  it('masks a truncated JWT', () => {
    const masked = maskSecrets('got eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0 and more', []);
    expect(masked).toBe('got [redacted] and more');
  });

  it('masks a secret inside a longer one whole', () => {
    expect(maskSecrets('x abcdef y', ['abc', 'abcdef'])).toBe('x [redacted] y');
  });

  it('leaves text without secrets alone', () => {
    expect(maskSecrets('plain text', ['secret-1'])).toBe('plain text');
  });
});

describe('maskCause', () => {
  it('masks an error chain that carries the body', () => {
    const inner = new Error(`socket sent client_secret=${encodeURIComponent(SECRET)}`);
    const outer = Object.assign(new Error('fetch failed', { cause: inner }), { code: 'E_TEST' });
    const masked = maskCause(outer, [SECRET]) as Error;
    expect(masked).not.toBe(outer);
    expect(masked.name).toBe('Error');
    expect((masked as { code?: string }).code).toBe('E_TEST');
    expect(inspect(masked, { depth: 10 })).not.toContain(MARKER);
    expect(String((masked.cause as Error).message)).toContain('[redacted]');
  });

  it('keeps a clean error as it is', () => {
    const error = new Error('connect ECONNREFUSED 127.0.0.1:1');
    expect(maskCause(error, [SECRET])).toBe(error);
  });

  it('network error from a fetch that echoes', async () => {
    const provider = createTokenProvider({
      credentials: { clientId: 'cid', clientSecret: SECRET },
      baseUrl,
      retry: { maxAttempts: 1 },
      fetch: async (_url, init) => {
        throw new TypeError('fetch failed', { cause: new Error(`body was ${String(init?.body)}`) });
      },
    });
    const error = await provider.getToken().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'ERR_AUTH_NETWORK' });
    for (const text of renderings(error)) {
      expect(text).not.toContain(MARKER);
    }
  });
});
