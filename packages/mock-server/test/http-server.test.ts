import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockApi, jwtBearerAssertionType, type MockApi } from '../src/index.js';
import { type MockHttpServer, setupMockServer, startMockHttpServer } from '../src/node/index.js';
import { generateEcKeyPair, sandboxUrl, sandboxVin, signAssertion } from './helpers.js';

async function getToken(baseUrl: string, clientId: string, clientSecret: string): Promise<string> {
  const response = await fetch(`${baseUrl}/v1/access_tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

describe('HTTP listener', () => {
  let mock: MockApi;
  let server: MockHttpServer;

  beforeAll(async () => {
    mock = createMockApi({ approvalDelayMs: 0 });
    server = await startMockHttpServer(mock);
  });
  afterAll(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1 with a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('runs the whole flow over real HTTP', async () => {
    const app = mock.registerApp();
    const token = await getToken(server.url, app.clientId, app.clientSecret);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const created = await fetch(`${server.url}/v1/fleets/vehicles`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ vehicles: [{ vin: sandboxVin, brand: 'sandbox' }] }),
    });
    expect(created.status).toBe(200);
    expect(created.headers.get('content-type')).toContain('application/json');
    expect(
      ((await created.json()) as { vehicles: Array<{ status: string }> }).vehicles[0]?.status,
    ).toBe('approved');

    const data = await fetch(`${server.url}/v1/vehicle-data/autoapi-13/${sandboxVin}`, { headers });
    expect(data.status).toBe(200);
    expect(((await data.json()) as { vin: string }).vin).toBe(sandboxVin);
  });

  it('accepts an assertion for the listener origin', async () => {
    const keys = await generateEcKeyPair();
    const app = mock.registerApp();
    const { privateKeyId } = mock.registerPrivateKey({
      clientId: app.clientId,
      publicKey: keys.publicKey,
    });
    const assertion = await signAssertion(keys.privateKey, privateKeyId, {}, `${server.url}/v1`);
    const response = await fetch(`${server.url}/v1/access_tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_assertion_type: jwtBearerAssertionType,
        client_assertion: assertion,
      }),
    });
    expect(response.status).toBe(200);
  });

  it('answers CORS preflight requests', async () => {
    const response = await fetch(`${server.url}/v1/fleets/vehicles`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type',
    );
    expect(response.headers.get('access-control-allow-methods')).toContain('DELETE');
  });

  it('adds CORS headers to responses', async () => {
    const response = await fetch(`${server.url}/v1/fleets/vehicles`, {
      headers: { origin: 'http://example.test' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://example.test');
    expect(response.headers.get('access-control-expose-headers')).toContain('retry-after');
  });

  it('returns 404 JSON for unknown routes', async () => {
    const response = await fetch(`${server.url}/v2/nothing`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { errors: Array<{ detail: string }> };
    expect(body.errors[0]?.detail).toContain('/v2/nothing');
  });
});

describe('HTTP listener limits', () => {
  it('rejects a body over the limit with 413', async () => {
    const server = await startMockHttpServer(createMockApi(), { maxBodyBytes: 64 });
    try {
      const response = await fetch(`${server.url}/v1/eligibility`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ vin: 'X'.repeat(100), brand: 'sandbox' }),
      });
      expect(response.status).toBe(413);
    } finally {
      await server.close();
    }
  });

  it('reports a failing handler through onError', async () => {
    const mock = createMockApi();
    const errors: Array<{ method: string; url: string }> = [];
    const failing = { ...mock, handlers: [] } as typeof mock;
    Object.defineProperty(failing, 'handlers', {
      get() {
        throw new Error('handler list unavailable');
      },
    });
    const server = await startMockHttpServer(failing, {
      onError: (_error, request) => errors.push(request),
    });
    try {
      const response = await fetch(`${server.url}/v1/fleets/vehicles`);
      expect(response.status).toBe(500);
      const body = (await response.json()) as { errors: Array<{ detail: string }> };
      expect(body.errors[0]?.detail).toContain('handler list unavailable');
      expect(errors).toEqual([{ method: 'GET', url: '/v1/fleets/vehicles' }]);
    } finally {
      await server.close();
    }
  });
});

describe('HTTP listener shutdown', () => {
  it('closes with open keep-alive connections', async () => {
    const server = await startMockHttpServer(createMockApi());
    const response = await fetch(`${server.url}/v1/fleets/vehicles`, {
      headers: { connection: 'keep-alive' },
    });
    await response.arrayBuffer();
    await server.close();
    await expect(fetch(`${server.url}/v1/fleets/vehicles`)).rejects.toThrow();
  });

  it('gives two servers two ports', async () => {
    const first = await startMockHttpServer(createMockApi());
    const second = await startMockHttpServer(createMockApi());
    expect(first.port).not.toBe(second.port);
    await Promise.all([first.close(), second.close()]);
  });
});

describe('setupMockServer', () => {
  const mock = createMockApi({ approvalDelayMs: 0 });
  const server = setupMockServer(mock);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => mock.reset());
  afterAll(() => server.close());

  it('intercepts fetch to the sandbox URL', async () => {
    const app = mock.registerApp();
    const token = await getToken(sandboxUrl, app.clientId, app.clientSecret);
    const response = await fetch(`${sandboxUrl}/v1/eligibility`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ vin: sandboxVin, brand: 'sandbox' }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { eligible: boolean }).eligible).toBe(true);
    expect(mock.requests.map((request) => request.route)).toEqual([
      'POST /v1/access_tokens',
      'POST /v1/eligibility',
    ]);
  });
});

describe('baseUrl', () => {
  it('narrows the handlers to one origin', async () => {
    const mock = createMockApi({ baseUrl: 'https://api.high-mobility.com' });
    const server = setupMockServer(mock);
    server.listen({ onUnhandledRequest: 'bypass' });
    try {
      const app = mock.registerApp();
      const token = await getToken('https://api.high-mobility.com', app.clientId, app.clientSecret);
      expect(token).toBeTruthy();
      expect(
        mock.handlers.every((handler) =>
          handler.info.header.includes('https://api.high-mobility.com'),
        ),
      ).toBe(true);
    } finally {
      server.close();
    }
  });
});
