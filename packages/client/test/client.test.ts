import { createMockApi, type MockApi } from '@hm-sdk/mock-server';
import { setupMockServer, startMockHttpServer } from '@hm-sdk/mock-server/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createHmClient } from '../src/index.js';

const SANDBOX_VIN = '2HM00000000000001';

describe('client over the mock HTTP listener', () => {
  let mock: MockApi;
  let server: Awaited<ReturnType<typeof startMockHttpServer>>;

  beforeAll(async () => {
    mock = createMockApi({ approvalDelayMs: 0 });
    server = await startMockHttpServer(mock);
  });
  afterAll(() => server.close());

  it('checks eligibility with a typed call', async () => {
    const app = await mock.registerApp();
    const client = createHmClient({ credentials: app, baseUrl: server.url });

    const result = await client.checkEligibility({ vin: SANDBOX_VIN, brand: 'sandbox' });

    expect(result.vin).toBe(SANDBOX_VIN);
    expect(result.eligible).toBe(true);
    expect(result.data_delivery).toContain('pull');
  });

  it('sends the bearer token on every call', async () => {
    const app = await mock.registerApp();
    const client = createHmClient({ credentials: app, baseUrl: `${server.url}/` });

    const { data, response } = await client.api.POST('/v1/eligibility', {
      body: { vin: SANDBOX_VIN, brand: 'sandbox' },
    });

    expect(response.status).toBe(200);
    expect(data?.eligible).toBe(true);
    const sent = mock.requests.filter((entry) => entry.path === '/v1/eligibility').at(-1);
    expect(sent?.headers.authorization).toBe('Bearer [redacted]');
    expect(sent?.clientId).toBe(app.clientId);
  });

  it('requests a clearance and reads vehicle data once approved', async () => {
    const app = await mock.registerApp();
    const client = createHmClient({ credentials: app, baseUrl: server.url });

    const requested = await client.requestClearance([{ vin: SANDBOX_VIN, brand: 'sandbox' }]);
    const approved = await client.waitForClearance(SANDBOX_VIN, { intervalMs: 10 });
    const data = await client.getVehicleData(SANDBOX_VIN);

    expect(requested.vehicles[0]?.vin).toBe(SANDBOX_VIN);
    expect(approved.status).toBe('approved');
    expect(Object.keys(data)).toContain('diagnostics');
  });
});

describe('client in process with setupServer', () => {
  const mock = createMockApi({ approvalDelayMs: 0 });
  const server = setupMockServer(mock);

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  it('reaches the mock through the sandbox URL', async () => {
    const app = await mock.registerApp();
    const client = createHmClient({ credentials: app, environment: 'sandbox' });

    const result = await client.checkEligibility({ vin: SANDBOX_VIN, brand: 'sandbox' });

    expect(result.eligible).toBe(true);
  });

  it('throws an ApiError with status and request id on 404', async () => {
    const app = await mock.registerApp();
    const client = createHmClient({ credentials: app, environment: 'sandbox' });

    const error = await client.getClearance('WVWZZZ1JZXW000001').catch((caught) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).operation).toBe('GET /v1/fleets/vehicles/{vin}');
    expect((error as ApiError).requestId).toEqual(expect.any(String));
  });

  it('rejects an invalid VIN before sending anything', async () => {
    const app = await mock.registerApp();
    const client = createHmClient({ credentials: app, environment: 'sandbox' });
    const before = mock.requests.length;

    await expect(client.getVehicleData('VIN-WITH-O-AND-Q')).rejects.toThrow(
      /Invalid VIN "VIN-WITH-O-AND-Q"/,
    );
    expect(mock.requests.length).toBe(before);
  });
});
