import { createMockApi } from '@hm-sdk/mock-server';
import { setupMockServer } from '@hm-sdk/mock-server/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createHmClient, SDK_VERSION } from '../src/index.js';
import { type MockHarness, sandboxVin, startHarness } from './support/fixtures.js';

const VIN = sandboxVin(1);

describe('client over the mock HTTP listener', () => {
  let harness: MockHarness;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.server.close());

  it('checks eligibility with a typed call', async () => {
    const client = harness.client();

    const result = await client.checkEligibility({ vin: VIN, brand: 'sandbox' });

    expect(result.vin).toBe(VIN);
    expect(result.eligible).toBe(true);
    expect(result.data_delivery).toContain('pull');
  });

  it('sends the bearer token and the SDK user agent', async () => {
    const client = harness.client({ userAgent: 'fleet-sync/2.1' });

    const { data, response } = await client.api.POST('/v1/eligibility', {
      body: { vin: VIN, brand: 'sandbox' },
    });

    expect(response.status).toBe(200);
    expect(data?.eligible).toBe(true);
    const sent = harness.mock.requests.filter((entry) => entry.path === '/v1/eligibility').at(-1);
    expect(sent?.headers.authorization).toBe('Bearer [redacted]');
    expect(sent?.headers['user-agent']).toBe(`fleet-sync/2.1 hm-sdk-client/${SDK_VERSION}`);
  });

  it('requests a clearance and reads vehicle data once approved', async () => {
    const client = harness.client();

    const requested = await client.requestClearance([{ vin: VIN, brand: 'sandbox' }]);
    const approved = await client.waitForClearance(VIN, { intervalMs: 10 });
    const data = await client.getVehicleData(VIN);

    expect(requested.vehicles[0]?.vin).toBe(VIN);
    expect(approved.status).toBe('approved');
    expect(Object.keys(data)).toContain('diagnostics');
  });

  it.each([
    ['no trailing slash', ''],
    ['a trailing slash', '/'],
    ['several trailing slashes', '///'],
    ['a trailing /v1', '/v1/'],
  ])('builds URLs without // from a base URL with %s', async (_, suffix) => {
    const urls: string[] = [];
    const client = harness.client({
      baseUrl: `${harness.server.url}${suffix}`,
      fetch: (input, init) => {
        urls.push(String(input));
        return fetch(input, init);
      },
    });

    await client.getClearance(VIN).catch(() => undefined);

    expect(urls).toEqual([
      `${harness.server.url}/v1/access_tokens`,
      `${harness.server.url}/v1/fleets/vehicles/${VIN}`,
    ]);
  });

  it('keeps a path prefix of the base URL', async () => {
    const urls: string[] = [];
    const client = harness.client({
      baseUrl: `${harness.server.url}/gateway/hm/`,
      fetch: (input, init) => {
        urls.push(String(input));
        // The listener serves the API at its root, so strip the prefix on the way out.
        return fetch(String(input).replace('/gateway/hm', ''), init);
      },
    });

    await client.requestClearance([{ vin: VIN, brand: 'sandbox' }]);

    expect(urls.at(-1)).toBe(`${harness.server.url}/gateway/hm/v1/fleets/vehicles`);
    expect(urls.at(-1)?.replace('http://', '')).not.toContain('//');
  });

  it.each([
    ['a Headers object', new Headers({ 'X-Trace-Id': 'trace-1' })],
    ['a record', { 'X-Trace-Id': 'trace-1' }],
    ['pairs', [['X-Trace-Id', 'trace-1']] as [string, string][]],
  ])('sends extra headers given as %s', async (_, headers) => {
    const client = harness.client();

    await client.request('post', '/v1/eligibility', {
      body: { vin: VIN, brand: 'sandbox' },
      headers,
    });

    const sent = harness.mock.requests.filter((entry) => entry.path === '/v1/eligibility').at(-1);
    expect(sent?.headers['x-trace-id']).toBe('trace-1');
    expect(sent?.headers['content-type']).toBe('application/json');
  });

  it('exposes the resolved base URL and token provider', () => {
    const provider = { getToken: async () => ({}) as never, invalidate() {} };
    const client = createHmClient({ tokenProvider: provider, baseUrl: `${harness.server.url}/` });

    expect(client.baseUrl).toBe(harness.server.url);
    expect(client.tokenProvider).toBe(provider);
  });

  it('rejects options with both credentials and a token provider', () => {
    const provider = { getToken: async () => ({}) as never, invalidate() {} };

    expect(() =>
      createHmClient({
        credentials: { clientId: 'id', clientSecret: 'secret' },
        tokenProvider: provider,
      }),
    ).toThrow(/both credentials and a tokenProvider/);
  });

  it('rejects options without credentials or token provider', () => {
    expect(() => createHmClient({})).toThrow(/needs credentials or a tokenProvider/);
  });

  it.each([0, -1, Number.NaN, 2 ** 31])('rejects timeoutMs %s', (timeoutMs) => {
    const provider = { getToken: async () => ({}) as never, invalidate() {} };

    expect(() => createHmClient({ tokenProvider: provider, timeoutMs })).toThrow(
      /Invalid timeoutMs/,
    );
  });

  it('rejects a user agent with a line break', () => {
    const provider = { getToken: async () => ({}) as never, invalidate() {} };

    expect(() =>
      createHmClient({ tokenProvider: provider, userAgent: 'app/1\r\nX-Evil: 1' }),
    ).toThrow(/line breaks/);
  });
});

describe('client in process with setupServer', () => {
  const mock = createMockApi({ approvalDelayMs: 0 });
  const app = mock.registerApp();
  // Created before the interception starts: fetch must be looked up at call time.
  const early = createHmClient({ credentials: app, environment: 'sandbox' });
  const server = setupMockServer(mock);

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  it('reaches the mock through a client created before the interception', async () => {
    const result = await early.checkEligibility({ vin: VIN, brand: 'sandbox' });

    expect(result.eligible).toBe(true);
    expect(mock.requests.at(-1)?.url).toBe('https://sandbox.api.high-mobility.com/v1/eligibility');
  });

  it('throws an ApiError with status, items and request id on 404', async () => {
    const client = createHmClient({ credentials: app, environment: 'sandbox' });

    const error = await client.getClearance('WVWZZZ1JZXW000001').catch((caught) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('ERR_CLIENT_API');
    expect(error.status).toBe(404);
    expect(error.operation).toBe('GET /v1/fleets/vehicles/{vin}');
    expect(error.errors[0]).toEqual({
      title: 'Not found',
      detail: 'No clearance exists for VIN WVWZZZ1JZXW000001',
      source: 'vin',
    });
    expect(error.requestId).toBe(mock.requests.at(-1)?.requestId);
    expect(error.message).toContain(error.requestId);
  });

  it('rejects an invalid VIN before sending anything', async () => {
    const client = createHmClient({ credentials: app, environment: 'sandbox' });
    const before = mock.requests.length;

    await expect(client.getVehicleData('VIN-WITH-O-AND-Q')).rejects.toThrow(
      /Invalid VIN "VIN-WITH-O-AND-Q"/,
    );
    expect(mock.requests.length).toBe(before);
  });
});
