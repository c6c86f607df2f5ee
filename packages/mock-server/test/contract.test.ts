import { openApiDocument } from '@hm-sdk/openapi';
import { describe, expect, it } from 'vitest';
import {
  type ContractDocument,
  createContract,
  createMockApi,
  jwtBearerAssertionType,
  type MockApi,
} from '../src/index.js';
import {
  type CallOptions,
  call,
  generateEcKeyPair,
  sandboxVin,
  signAssertion,
  tokenFor,
} from './helpers.js';

const contract = createContract(openApiDocument as ContractDocument);

/**
 * Responses the mock sends on purpose although the document does not list their status. The API
 * documents no status for a malformed `filter`; the mock returns 422 like for other invalid input.
 */
const knownUndocumented = [/^GET \/v1\/fleets\/vehicles 422: status 422 is not documented/];

describe('request validation', () => {
  it('points at a missing eligibility field', async () => {
    const mock = createMockApi();
    const token = await tokenFor(mock);
    const { status, body } = await call(mock, 'POST', '/v1/eligibility', {
      token,
      body: { vin: sandboxVin },
    });
    expect(status).toBe(422);
    expect(body.errors).toEqual([
      { title: 'Invalid input', detail: 'brand is missing', source: 'brand' },
    ]);
  });

  it('points at a wrong type and enum', async () => {
    const mock = createMockApi();
    const token = await tokenFor(mock);
    const { status, body } = await call(mock, 'POST', '/v1/eligibility', {
      token,
      body: { vin: 12345, brand: 'trabant' },
    });
    expect(status).toBe(422);
    const sources = body.errors.map((error: { source: string }) => error.source);
    expect(sources).toEqual(['vin', 'brand']);
    expect(body.errors[0].detail).toBe('vin must be string, got integer');
    expect(body.errors[1].detail).toContain('brand must be one of: mercedes-benz');
  });

  it('rejects form bodies on JSON routes', async () => {
    const mock = createMockApi();
    const token = await tokenFor(mock);
    const form = await call(mock, 'POST', '/v1/eligibility', {
      token,
      form: { vin: sandboxVin, brand: 'sandbox' },
    });
    expect(form.status).toBe(415);
    expect(form.body.errors[0].source).toBe('content-type');
    expect(form.body.errors[0].detail).toContain('application/json');
  });

  it('rejects a body that is not JSON', async () => {
    const mock = createMockApi();
    const token = await tokenFor(mock);
    const { status, body } = await call(mock, 'POST', '/v1/eligibility', {
      token,
      headers: { 'content-type': 'application/json' },
      raw: '{"vin":',
    });
    expect(status).toBe(422);
    expect(body.errors[0].source).toBe('body');
  });

  it('rejects a clearance request without vehicles', async () => {
    const mock = createMockApi();
    const token = await tokenFor(mock);
    const missing = await call(mock, 'POST', '/v1/fleets/vehicles', { token, body: {} });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0]).toMatchObject({
      source: 'vehicles',
      detail: 'vehicles is missing',
    });
    const wrongType = await call(mock, 'POST', '/v1/fleets/vehicles', {
      token,
      body: { vehicles: 'all' },
    });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.errors[0].source).toBe('vehicles');
  });

  it('turns bad batch entries into error items', async () => {
    const mock = createMockApi({ clock: 'manual' });
    const token = await tokenFor(mock);
    const { status, body } = await call(mock, 'POST', '/v1/fleets/vehicles', {
      token,
      body: {
        vehicles: [
          { vin: sandboxVin, brand: 'sandbox', tags: { depot: 7 } },
          { vin: 'SANDB0XV1N0000002', brand: 'sandbox' },
        ],
      },
    });
    expect(status).toBe(200);
    expect(body.vehicles[0]).toEqual({
      vin: sandboxVin,
      status: 'error',
      description: 'vehicles[0].tags.depot must be string, got integer',
    });
    expect(body.vehicles[1].status).toBe('pending');
    expect(mock.getClearance(sandboxVin)).toBeUndefined();
  });
});

/** Sends requests and keeps every response, so the test can check them all against the document. */
function recorder(mock: MockApi) {
  const responses: Array<{ method: string; path: string; response: Response }> = [];
  const send = async (method: string, path: string, options: CallOptions = {}) => {
    const result = await call(mock, method, path, options);
    responses.push({ method, path: path.split('?')[0] ?? path, response: result.response });
    return result;
  };
  return { responses, send };
}

/** Drives the mock through its normal behaviours: success and every error it produces on its own. */
async function exercise(mock: MockApi, send: ReturnType<typeof recorder>['send']): Promise<void> {
  const app = mock.registerApp();
  const keys = await generateEcKeyPair();
  const { privateKeyId } = mock.registerPrivateKey({
    clientId: app.clientId,
    publicKey: keys.publicKey,
  });
  const tokenBody = {
    grant_type: 'client_credentials',
    client_id: app.clientId,
    client_secret: app.clientSecret,
  };
  const tokenResult = await send('POST', '/v1/access_tokens', { body: tokenBody });
  const token = tokenResult.body.access_token as string;
  await send('POST', '/v1/access_tokens', { form: tokenBody });
  await send('POST', '/v1/access_tokens', { body: { ...tokenBody, client_secret: 'wrong' } });
  await send('POST', '/v1/access_tokens', {
    body: {
      grant_type: 'client_credentials',
      client_assertion_type: jwtBearerAssertionType,
      client_assertion: await signAssertion(keys.privateKey, privateKeyId),
    },
  });

  await send('POST', '/v1/eligibility', { token, body: { vin: sandboxVin, brand: 'sandbox' } });
  await send('POST', '/v1/eligibility', { token, body: { vin: 'SHORT', brand: 'sandbox' } });
  await send('POST', '/v1/eligibility', { body: { vin: sandboxVin, brand: 'sandbox' } });

  await send('POST', '/v1/fleets/vehicles', {
    token,
    body: {
      vehicles: [
        { vin: sandboxVin, brand: 'sandbox', tags: { depot: 'berlin' } },
        { vin: 'SHORT', brand: 'sandbox' },
        { vin: 'SANDB0XV1N000000X', brand: 'unknown' },
      ],
    },
  });
  await send('POST', '/v1/fleets/vehicles', { token, body: {} });
  await send('GET', `/v1/vehicle-data/autoapi-13/${sandboxVin}`, { token });
  mock.clock.advance(1500);
  await send('GET', '/v1/fleets/vehicles', { token });
  await send(
    'GET',
    `/v1/fleets/vehicles?filter=${encodeURIComponent('{"status":{"operator":"eq","value":"approved"}}')}`,
    { token },
  );
  await send('GET', `/v1/fleets/vehicles?filter=${encodeURIComponent('{"color":{}}')}`, { token });
  await send('GET', `/v1/fleets/vehicles/${sandboxVin}`, { token });
  await send('GET', '/v1/fleets/vehicles/UNKN0WNV1N0000000', { token });
  await send('GET', `/v1/vehicle-data/autoapi-13/${sandboxVin}`, { token });
  await send('GET', '/v1/fleets/vehicles', { token: await tokenFor(mock, ['vehicle:data']) });
  await send('DELETE', `/v1/fleets/vehicles/${sandboxVin}`, { token });
  await send('DELETE', `/v1/fleets/vehicles/${sandboxVin}`, { token });
  await send('DELETE', '/v1/fleets/vehicles/UNKN0WNV1N0000000', { token });
  mock.setRateLimit('GET /v1/fleets/vehicles', { limit: 1, windowMs: 60_000 });
  await send('GET', '/v1/fleets/vehicles', { token });
}

describe('response contract', () => {
  it('every response matches the OpenAPI document', async () => {
    const mock = createMockApi({ clock: 'manual' });
    const { responses, send } = recorder(mock);
    await exercise(mock, send);

    const problems: string[] = [];
    for (const { method, path, response } of responses) {
      problems.push(
        ...contract.validateResponse({
          method,
          path,
          status: response.status,
          contentType: response.headers.get('content-type'),
          body: await response.clone().text(),
        }),
      );
    }
    expect(responses.length).toBeGreaterThanOrEqual(20);
    const unexpected = problems.filter(
      (problem) => !knownUndocumented.some((known) => known.test(problem)),
    );
    expect(unexpected).toEqual([]);
  });

  it('zero-delay delete reports the transitional status', async () => {
    const mock = createMockApi({ clock: 'manual', approvalDelayMs: 0, transitionDelayMs: 0 });
    const token = await tokenFor(mock);
    const pendingVin = 'SANDB0XV1N0000002';
    mock.setClearanceOutcome(pendingVin, { status: 'manual' });
    await call(mock, 'POST', '/v1/fleets/vehicles', {
      token,
      body: {
        vehicles: [
          { vin: sandboxVin, brand: 'sandbox' },
          { vin: pendingVin, brand: 'sandbox' },
        ],
      },
    });

    const cases = [
      { vin: sandboxVin, transitional: 'revoking', final: 'revoked' },
      { vin: pendingVin, transitional: 'canceling', final: 'canceled' },
    ];
    for (const { vin, transitional, final } of cases) {
      const path = `/v1/fleets/vehicles/${vin}`;
      const deleted = await call(mock, 'DELETE', path, { token });
      const problems = contract.validateResponse({
        method: 'DELETE',
        path,
        status: deleted.status,
        contentType: deleted.response.headers.get('content-type'),
        body: await deleted.response.clone().text(),
      });

      expect(deleted.status).toBe(200);
      expect(deleted.body).toEqual({ vin, status: transitional, tags: {} });
      expect(problems).toEqual([]);
      expect(mock.getClearance(vin)?.status).toBe(final);
    }
  });

  it('flags a response that breaks the document', () => {
    const problems = contract.validateResponse({
      method: 'GET',
      path: `/v1/fleets/vehicles/${sandboxVin}`,
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ vin: sandboxVin, status: 'lost' }),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('status must be one of');
  });

  it('flags an undocumented status', () => {
    const problems = contract.validateResponse({
      method: 'POST',
      path: '/v1/eligibility',
      status: 418,
      contentType: 'application/json',
      body: '{}',
    });
    expect(problems[0]).toContain('status 418 is not documented');
  });
});
