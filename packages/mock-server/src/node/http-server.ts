import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import type { MockApi } from '../mock-api.js';
import { assertMswRuntime } from './msw-runtime.js';

/** Options of {@link startMockHttpServer}. */
export interface StartMockHttpServerOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on; default `'127.0.0.1'`, so nothing outside the machine can connect. */
  host?: string;
  /** Largest request body accepted, in bytes; default 1 MiB. Larger bodies get 413. */
  maxBodyBytes?: number;
  /**
   * Called with each error the server turns into a 500 response (a handler that threw), so a
   * caller such as a CLI can log it. The server itself never writes to the console.
   */
  onError?: (error: unknown, request: { method: string; url: string }) => void;
}

/** A running HTTP listener that serves a mock. */
export interface MockHttpServer {
  /** Base URL without trailing slash, for example `http://127.0.0.1:43123`. */
  url: string;
  /** Port the server listens on. */
  port: number;
  /** Stops accepting connections, closes open ones and resolves once the server is down. */
  close(): Promise<void>;
}

const corsAllowedHeaders = 'authorization, content-type, x-hm-mock-scenario';
const corsExposedHeaders = 'retry-after, x-request-id';

function corsHeaders(request: IncomingMessage): Record<string, string> {
  const origin = request.headers.origin;
  return {
    'access-control-allow-origin': origin ?? '*',
    'access-control-expose-headers': corsExposedHeaders,
    ...(origin ? { vary: 'Origin' } : {}),
  };
}

function sendPreflight(request: IncomingMessage, response: ServerResponse): void {
  const requested = request.headers['access-control-request-headers'];
  response.writeHead(204, {
    ...corsHeaders(request),
    'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
    'access-control-allow-headers': requested ?? corsAllowedHeaders,
    'access-control-max-age': '600',
  });
  response.end();
}

function sendJson(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  body: unknown,
): void {
  response.writeHead(status, { ...corsHeaders(request), 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readRequestBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function toFetchRequest(request: IncomingMessage, body: Buffer, fallbackHost: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = `http://${request.headers.host ?? fallbackHost}${request.url ?? '/'}`;
  const method = request.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD' && body.length > 0;
  return new Request(url, { method, headers, ...(hasBody ? { body: new Uint8Array(body) } : {}) });
}

async function writeFetchResponse(
  request: IncomingMessage,
  response: ServerResponse,
  mocked: Response,
): Promise<void> {
  const headers: Record<string, string> = {};
  mocked.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await mocked.arrayBuffer());
  response.writeHead(mocked.status, { ...headers, ...corsHeaders(request) });
  response.end(body);
}

async function handle(
  mock: MockApi,
  request: IncomingMessage,
  response: ServerResponse,
  options: { fallbackHost: string; maxBodyBytes: number },
): Promise<void> {
  if (request.method === 'OPTIONS') return sendPreflight(request, response);
  const body = await readRequestBody(request, options.maxBodyBytes);
  if (body === null) {
    return sendJson(request, response, 413, {
      errors: [
        {
          title: 'Payload too large',
          detail: `Request body exceeds ${options.maxBodyBytes} bytes`,
        },
      ],
    });
  }
  const fetchRequest = toFetchRequest(request, body, options.fallbackHost);
  const mocked = await getResponse(mock.handlers, fetchRequest);
  if (!mocked) {
    return sendJson(request, response, 404, {
      errors: [
        {
          title: 'Not found',
          detail: `The mock has no route for ${fetchRequest.method} ${new URL(fetchRequest.url).pathname}`,
        },
      ],
    });
  }
  // `HttpResponse.error()` stands for a network failure, so the connection is dropped unanswered.
  if (mocked.type === 'error') {
    request.socket.destroy();
    return;
  }
  await writeFetchResponse(request, response, mocked);
}

/**
 * Starts a `node:http` server that responds with the mock's msw handlers (through msw's
 * `getResponse`), with CORS for browser clients. Any language's HTTP client can use it.
 */
export async function startMockHttpServer(
  mock: MockApi,
  options: StartMockHttpServerOptions = {},
): Promise<MockHttpServer> {
  assertMswRuntime();
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  let fallbackHost = host;
  const server = createServer((request, response) => {
    handle(mock, request, response, { fallbackHost, maxBodyBytes }).catch((error: unknown) => {
      options.onError?.(error, { method: request.method ?? 'GET', url: request.url ?? '/' });
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const detail = error instanceof Error ? error.message : String(error);
      sendJson(request, response, 500, {
        errors: [{ title: 'Internal server error', detail: `The mock failed: ${detail}` }],
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  fallbackHost = `${urlHost}:${port}`;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Creates an msw `setupServer` instance with the mock's handlers; call `listen()` on it. */
export function setupMockServer(mock: MockApi): SetupServer {
  assertMswRuntime();
  return setupServer(...mock.handlers);
}
