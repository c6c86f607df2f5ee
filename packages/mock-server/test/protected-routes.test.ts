import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { decodeJwt, exportJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { createMockApi } from '../src/index.js';
import { base64UrlJson, call, sandboxVin, tokenFor } from './helpers.js';

const eligibilityBody = { vin: sandboxVin, brand: 'sandbox' };

describe('bearer token checks', () => {
  it('rejects a request without a token', async () => {
    const mock = createMockApi();
    const { status, body, response } = await call(mock, 'POST', '/v1/eligibility', {
      body: eligibilityBody,
    });
    expect(status).toBe(401);
    expect(body.errors[0].title).toBe('Not authorized');
    expect(body.errors[0].source).toBe('Authorization');
    expect(typeof body.request_id).toBe('string');
    expect(response.headers.get('x-request-id')).toBe(body.request_id);
  });

  it('rejects a malformed token', async () => {
    const mock = createMockApi();
    const { status, body } = await call(mock, 'POST', '/v1/eligibility', {
      body: eligibilityBody,
      token: 'not-a-jwt',
    });
    expect(status).toBe(401);
    expect(body.errors[0].detail).toContain('Invalid token');
  });

  it('rejects a token from another mock instance', async () => {
    const mock = createMockApi();
    const foreign = await tokenFor(createMockApi());
    const { status, body } = await call(mock, 'POST', '/v1/eligibility', {
      body: eligibilityBody,
      token: foreign,
    });
    expect(status).toBe(401);
    expect(body.errors[0].detail).toContain('signature');
  });

  it('rejects an unsigned token', async () => {
    const mock = createMockApi();
    const claims = decodeJwt(await tokenFor(mock));
    const unsigned = `${base64UrlJson({ alg: 'none' })}.${base64UrlJson(claims)}.`;
    const { status, body } = await call(mock, 'POST', '/v1/eligibility', {
      body: eligibilityBody,
      token: unsigned,
    });
    expect(status).toBe(401);
    expect(body.errors[0].detail).toContain('ES256');
  });

  it('rejects HS256 with the public key as secret', async () => {
    const mock = createMockApi();
    const claims = decodeJwt(await tokenFor(mock));
    const secret = JSON.stringify(await exportJWK(await mock.getAccessTokenPublicKey()));
    const input = `${base64UrlJson({ alg: 'HS256', typ: 'JWT' })}.${base64UrlJson(claims)}`;
    const forged = `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
    const { status } = await call(mock, 'POST', '/v1/eligibility', {
      body: eligibilityBody,
      token: forged,
    });
    expect(status).toBe(401);
  });

  it('rejects an expired token', async () => {
    const mock = createMockApi({ clock: 'manual' });
    const token = await tokenFor(mock);
    const fresh = await call(mock, 'POST', '/v1/eligibility', { body: eligibilityBody, token });
    expect(fresh.status).toBe(200);
    mock.clock.advance(301_000);
    const { status, body } = await call(mock, 'POST', '/v1/eligibility', {
      body: eligibilityBody,
      token,
    });
    expect(status).toBe(401);
    expect(body.errors[0].detail).toContain('expired');
  });

  it('rejects a token after reset', async () => {
    const mock = createMockApi();
    const token = await tokenFor(mock);
    mock.reset();
    const { status } = await call(mock, 'POST', '/v1/eligibility', {
      body: eligibilityBody,
      token,
    });
    expect(status).toBe(401);
  });

  it('returns 403 for a missing fleet scope', async () => {
    const mock = createMockApi();
    const token = await tokenFor(mock, ['vehicle:data']);
    const { status, body } = await call(mock, 'GET', '/v1/fleets/vehicles', { token });
    expect(status).toBe(403);
    expect(body.errors[0].title).toBe('Forbidden');
    expect(body.errors[0].detail).toContain('fleet:clearance');
  });

  it('returns 401 for a missing eligibility scope', async () => {
    // The eligibility operation documents 401 as its only auth failure, so no 403 here.
    const mock = createMockApi();
    const token = await tokenFor(mock, ['vehicle:data']);
    const { status, body } = await call(mock, 'POST', '/v1/eligibility', {
      body: eligibilityBody,
      token,
    });
    expect(status).toBe(401);
    expect(body.errors[0].detail).toContain('vehicle:eligibility-check');
  });

  it('returns 403 for a missing data scope', async () => {
    const mock = createMockApi({ approvalDelayMs: 0 });
    mock.setClearanceStatus(sandboxVin, 'approved');
    const token = await tokenFor(mock, ['fleet:clearance']);
    const { status } = await call(mock, 'GET', `/v1/vehicle-data/autoapi-13/${sandboxVin}`, {
      token,
    });
    expect(status).toBe(403);
  });
});

describe('eligibility', () => {
  it('treats unknown sandbox VINs as eligible', async () => {
    const mock = createMockApi();
    const token = await tokenFor(mock);
    const { status, body } = await call(mock, 'POST', '/v1/eligibility', {
      body: eligibilityBody,
      token,
    });
    expect(status).toBe(200);
    expect(body).toEqual({ vin: sandboxVin, eligible: true, data_delivery: ['pull', 'push'] });
  });

  it('treats unknown VINs of real brands as not eligible', async () => {
    const mock = createMockApi();
    const token = await tokenFor(mock);
    const { body } = await call(mock, 'POST', '/v1/eligibility', {
      body: { vin: 'WBADT43452G296403', brand: 'bmw' },
      token,
    });
    expect(body.eligible).toBe(false);
    expect(body.data_delivery).toEqual([]);
  });

  it('returns what addVehicle registered', async () => {
    const mock = createMockApi();
    mock.addVehicle({
      vin: 'WBADT43452G296403',
      brand: 'bmw',
      eligible: true,
      dataDelivery: ['push'],
      connectivityStatus: 'activated',
      primaryUserAssigned: true,
    });
    const token = await tokenFor(mock);
    const { body } = await call(mock, 'POST', '/v1/eligibility', {
      body: { vin: 'WBADT43452G296403', brand: 'bmw' },
      token,
    });
    expect(body).toEqual({
      vin: 'WBADT43452G296403',
      eligible: true,
      data_delivery: ['push'],
      connectivity_status: 'activated',
      primary_user_assigned: true,
    });
  });

  it('returns 422 for a short VIN', async () => {
    const mock = createMockApi();
    const token = await tokenFor(mock);
    const { status, body } = await call(mock, 'POST', '/v1/eligibility', {
      body: { vin: 'SHORT', brand: 'sandbox' },
      token,
    });
    expect(status).toBe(422);
    expect(body.errors[0].source).toBe('vin');
  });
});

describe('request log', () => {
  it('records requests without secrets', async () => {
    const mock = createMockApi();
    const token = await tokenFor(mock);
    await call(mock, 'POST', '/v1/eligibility', { body: eligibilityBody, token });
    expect(mock.requests).toHaveLength(2);
    const [tokenRequest, eligibilityRequest] = mock.requests;
    expect(tokenRequest?.route).toBe('POST /v1/access_tokens');
    expect((tokenRequest?.body as Record<string, string> | undefined)?.client_secret).toBe(
      '[redacted]',
    );
    expect(eligibilityRequest?.headers.authorization).toBe('Bearer [redacted]');
    expect(eligibilityRequest?.status).toBe(200);
    expect(eligibilityRequest?.body).toEqual(eligibilityBody);
    expect(JSON.stringify(mock.requests)).not.toContain(token);
  });

  it('reports each request to onRequest', async () => {
    const seen: Array<[string, number | undefined]> = [];
    const mock = createMockApi({
      onRequest: (entry) => {
        seen.push([entry.route, entry.status]);
        throw new Error('observer failure');
      },
    });
    const { status } = await call(mock, 'GET', '/v1/fleets/vehicles');
    expect(status).toBe(401);
    expect(seen).toEqual([['GET /v1/fleets/vehicles', 401]]);
  });

  it('keeps the newest entries up to the limit', async () => {
    const mock = createMockApi({ requestLogLimit: 3 });
    for (let index = 0; index < 5; index += 1) {
      await call(mock, 'GET', `/v1/fleets/vehicles/VIN${index}`);
    }
    expect(mock.requests.map((request) => request.path)).toEqual([
      '/v1/fleets/vehicles/VIN2',
      '/v1/fleets/vehicles/VIN3',
      '/v1/fleets/vehicles/VIN4',
    ]);
  });

  it('keeps secrets out of inspect and errors', async () => {
    const mock = createMockApi();
    const app = mock.registerApp({ clientSecret: 'very-secret-value' });
    const wrong = await call(mock, 'POST', '/v1/access_tokens', {
      body: {
        grant_type: 'client_credentials',
        client_id: app.clientId,
        client_secret: 'very-secret-guess',
      },
    });
    expect(JSON.stringify(wrong.body)).not.toContain('very-secret');
    expect(inspect(mock, { depth: 10 })).not.toContain('very-secret-value');
    expect(inspect(mock.requests, { depth: 10 })).not.toContain('very-secret');
  });
});
