import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockApi, type MockApi } from '../src/index.js';
import { type MockHttpServer, setupMockServer, startMockHttpServer } from '../src/node/index.js';
import { call, sandboxUrl, sandboxVin, tokenFor } from './helpers.js';

const listRoute = 'GET /v1/fleets/vehicles' as const;

async function setup(options: Parameters<typeof createMockApi>[0] = {}) {
  const mock = createMockApi({ clock: 'manual', approvalDelayMs: 0, ...options });
  const token = await tokenFor(mock);
  return { mock, token };
}

describe('injected faults', () => {
  it('returns the status and body for the next N requests', async () => {
    const { mock, token } = await setup();
    mock.injectFault(
      listRoute,
      { type: 'status', status: 503, body: { errors: [{ title: 'Down' }] } },
      { times: 2 },
    );
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const { status, body } = await call(mock, 'GET', '/v1/fleets/vehicles', { token });
      expect(status).toBe(503);
      expect(body).toEqual({ errors: [{ title: 'Down' }] });
    }
    expect((await call(mock, 'GET', '/v1/fleets/vehicles', { token })).status).toBe(200);
  });

  it('only hits the chosen route', async () => {
    const { mock, token } = await setup();
    mock.injectFault(listRoute, { type: 'empty-500' });
    const other = await call(mock, 'GET', `/v1/fleets/vehicles/${sandboxVin}`, { token });
    expect(other.status).toBe(404);
    expect((await call(mock, 'GET', '/v1/fleets/vehicles', { token })).status).toBe(500);
  });

  it('can be removed early', async () => {
    const { mock, token } = await setup();
    const remove = mock.injectFault(
      '*',
      { type: 'status', status: 500 },
      { times: Number.POSITIVE_INFINITY },
    );
    expect((await call(mock, 'GET', '/v1/fleets/vehicles', { token })).status).toBe(500);
    remove();
    expect((await call(mock, 'GET', '/v1/fleets/vehicles', { token })).status).toBe(200);
  });

  it('sends an empty 500', async () => {
    const { mock, token } = await setup();
    mock.injectFault(listRoute, { type: 'empty-500' });
    const { status, response } = await call(mock, 'GET', '/v1/fleets/vehicles', { token });
    expect(status).toBe(500);
    expect(await response.text()).toBe('');
  });

  it('sends an HTML 502', async () => {
    const { mock, token } = await setup();
    mock.injectFault(listRoute, { type: 'html-502' });
    const { status, response } = await call(mock, 'GET', '/v1/fleets/vehicles', { token });
    expect(status).toBe(502);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<h1>502 Bad Gateway</h1>');
  });

  it('sends malformed JSON', async () => {
    const mock = createMockApi();
    mock.injectFault(listRoute, { type: 'malformed-json' });
    await expect(call(mock, 'GET', '/v1/fleets/vehicles')).rejects.toThrow(SyntaxError);
  });

  it('sends 429 with Retry-After', async () => {
    const { mock, token } = await setup();
    mock.injectFault(listRoute, { type: 'rate-limit', retryAfterSeconds: 7 });
    const { status, body, response } = await call(mock, 'GET', '/v1/fleets/vehicles', { token });
    expect(status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(body.errors[0].title).toBe('Too many requests');
  });

  it('adds latency before the normal response', async () => {
    const { mock, token } = await setup();
    mock.injectFault(listRoute, { type: 'latency', delayMs: 300 });
    let settled = false;
    const pending = call(mock, 'GET', '/v1/fleets/vehicles', { token }).then((result) => {
      settled = true;
      return result;
    });
    // Only checks that the response is held back; a slow machine can make the wait longer, never shorter.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    expect((await pending).status).toBe(200);
  });

  it('is cleared by reset', async () => {
    const { mock } = await setup();
    mock.injectFault('*', { type: 'empty-500' });
    mock.reset();
    const token = await tokenFor(mock);
    expect((await call(mock, 'GET', '/v1/fleets/vehicles', { token })).status).toBe(200);
  });
});

describe('scenario header', () => {
  const withScenario = (mock: MockApi, token: string, scenario: string) =>
    call(mock, 'GET', '/v1/fleets/vehicles', {
      token,
      headers: { 'x-hm-mock-scenario': scenario },
    });

  it('selects built-in scenarios by name', async () => {
    const { mock, token } = await setup();
    expect((await withScenario(mock, token, 'html-502')).status).toBe(502);
    expect((await withScenario(mock, token, 'empty-500')).status).toBe(500);
    expect((await withScenario(mock, token, 'timeout')).status).toBe(408);
    const unavailable = await withScenario(mock, token, 'unavailable');
    expect(unavailable.status).toBe(503);
    expect(unavailable.response.headers.get('retry-after')).toBe('5');
  });

  it('sets status, body and retry-after', async () => {
    const { mock, token } = await setup();
    const body = encodeURIComponent(JSON.stringify({ errors: [{ title: 'Teapot' }] }));
    const teapot = await withScenario(mock, token, `status=418; body=${body}`);
    expect(teapot.status).toBe(418);
    expect(teapot.body).toEqual({ errors: [{ title: 'Teapot' }] });
    const limited = await withScenario(mock, token, 'status=429; retry-after=12');
    expect(limited.status).toBe(429);
    expect(limited.response.headers.get('retry-after')).toBe('12');
  });

  it('applies to one request only', async () => {
    const { mock, token } = await setup();
    expect((await withScenario(mock, token, 'server-error')).status).toBe(500);
    expect((await call(mock, 'GET', '/v1/fleets/vehicles', { token })).status).toBe(200);
  });

  it('selects scenarios defined in code', async () => {
    const { mock, token } = await setup();
    mock.defineScenario('maintenance', {
      type: 'status',
      status: 503,
      body: 'down for maintenance',
    });
    const { status, response } = await withScenario(mock, token, 'maintenance');
    expect(status).toBe(503);
    expect(await response.text()).toBe('down for maintenance');
  });

  it('rejects unknown scenarios with 400', async () => {
    const { mock, token } = await setup();
    const { status, body } = await withScenario(mock, token, 'meteor-strike');
    expect(status).toBe(400);
    expect(body.errors[0].source).toBe('x-hm-mock-scenario');
    expect(body.errors[0].detail).toContain('html-502');
  });
});

describe('rate limiting', () => {
  it('allows 60 single-clearance reads per minute per app', async () => {
    const { mock, token } = await setup();
    mock.setClearanceStatus(sandboxVin, 'approved');
    for (let index = 0; index < 60; index += 1) {
      const { status } = await call(mock, 'GET', `/v1/fleets/vehicles/${sandboxVin}`, { token });
      expect(status).toBe(200);
    }
    const limited = await call(mock, 'GET', `/v1/fleets/vehicles/${sandboxVin}`, { token });
    expect(limited.status).toBe(429);
    expect(limited.response.headers.get('retry-after')).toBe('60');

    const otherApp = await tokenFor(mock);
    expect(
      (await call(mock, 'GET', `/v1/fleets/vehicles/${sandboxVin}`, { token: otherApp })).status,
    ).toBe(200);

    mock.clock.advance(60_000);
    expect((await call(mock, 'GET', `/v1/fleets/vehicles/${sandboxVin}`, { token })).status).toBe(
      200,
    );
  });

  it('takes custom limits', async () => {
    const { mock, token } = await setup({
      rateLimits: { 'GET /v1/fleets/vehicles': { limit: 2, windowMs: 10_000 } },
    });
    expect((await call(mock, 'GET', '/v1/fleets/vehicles', { token })).status).toBe(200);
    mock.clock.advance(4000);
    expect((await call(mock, 'GET', '/v1/fleets/vehicles', { token })).status).toBe(200);
    const limited = await call(mock, 'GET', '/v1/fleets/vehicles', { token });
    expect(limited.status).toBe(429);
    expect(limited.response.headers.get('retry-after')).toBe('6');
    mock.setRateLimit('GET /v1/fleets/vehicles', false);
    expect((await call(mock, 'GET', '/v1/fleets/vehicles', { token })).status).toBe(200);
  });

  it('rejects invalid rules', () => {
    const mock = createMockApi();
    expect(() =>
      mock.setRateLimit('GET /v1/fleets/vehicles', { limit: 0, windowMs: 1000 }),
    ).toThrow(/limit/);
  });
});

describe('faults over the wire', () => {
  let mock: MockApi;
  let server: MockHttpServer;
  beforeAll(async () => {
    mock = createMockApi();
    server = await startMockHttpServer(mock);
  });
  afterAll(() => server.close());

  it('drops the connection for a network error', async () => {
    mock.injectFault(listRoute, { type: 'network-error' });
    await expect(fetch(`${server.url}/v1/fleets/vehicles`)).rejects.toThrow(TypeError);
    expect((await fetch(`${server.url}/v1/fleets/vehicles`)).status).toBe(401);
  });

  it('serves the HTML 502 page', async () => {
    const response = await fetch(`${server.url}/v1/fleets/vehicles`, {
      headers: { 'x-hm-mock-scenario': 'html-502' },
    });
    expect(response.status).toBe(502);
    expect(await response.text()).toContain('Bad Gateway');
  });

  it('rejects fetch for a network error under setupServer', async () => {
    const intercepted = createMockApi();
    const msw = setupMockServer(intercepted);
    msw.listen({ onUnhandledRequest: 'error' });
    try {
      intercepted.injectFault(listRoute, { type: 'network-error' });
      await expect(fetch(`${sandboxUrl}/v1/fleets/vehicles`)).rejects.toThrow(TypeError);
      expect(intercepted.requests[0]?.status).toBe(0);
    } finally {
      msw.close();
    }
  });
});

describe('token endpoint faults', () => {
  it('use the OAuth error shape', async () => {
    const mock = createMockApi();
    mock.injectFault('POST /v1/access_tokens', { type: 'status', status: 503 });
    mock.injectFault('POST /v1/access_tokens', { type: 'rate-limit', retryAfterSeconds: 3 });
    const unavailable = await call(mock, 'POST', '/v1/access_tokens', { body: {} });
    expect(unavailable.status).toBe(503);
    expect(unavailable.body).toEqual({
      error: 'temporarily_unavailable',
      error_description: 'Injected by the mock',
    });
    const limited = await call(mock, 'POST', '/v1/access_tokens', { body: {} });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('slow_down');
    expect(limited.response.headers.get('retry-after')).toBe('3');
  });
});
