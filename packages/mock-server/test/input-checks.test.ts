import { describe, expect, it } from 'vitest';
import { createMockApi, jwtBearerAssertionType } from '../src/index.js';
import { call, generateEcKeyPair, sandboxVin, signAssertion, tokenFor } from './helpers.js';

const tokenPath = '/v1/access_tokens';

describe('token request checks', () => {
  it('rejects a repeated client_secret', async () => {
    const mock = createMockApi();
    const app = mock.registerApp();
    const raw = new URLSearchParams([
      ['grant_type', 'client_credentials'],
      ['client_id', app.clientId],
      ['client_secret', 'wrong'],
      ['client_secret', app.clientSecret],
    ]).toString();
    const { status, body } = await call(mock, 'POST', tokenPath, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      raw,
    });
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_request');
    expect(body.error_description).toBe(
      'client_secret must not be repeated; send each parameter once',
    );
  });

  it('rejects a secret with an assertion', async () => {
    const mock = createMockApi();
    const keys = await generateEcKeyPair();
    const app = mock.registerApp();
    const { privateKeyId } = mock.registerPrivateKey({
      clientId: app.clientId,
      publicKey: keys.publicKey,
    });
    for (const encoding of ['body', 'form'] as const) {
      const fields = {
        grant_type: 'client_credentials',
        client_secret: app.clientSecret,
        client_assertion_type: jwtBearerAssertionType,
        client_assertion: await signAssertion(keys.privateKey, privateKeyId),
      };
      const { status, body } = await call(mock, 'POST', tokenPath, { [encoding]: fields });
      expect(status, encoding).toBe(400);
      expect(body.error, encoding).toBe('invalid_request');
      expect(body.error_description, encoding).toContain(
        'client_secret and client_assertion must not be sent together',
      );
    }
  });

  it('does not echo an unreadable body', async () => {
    const mock = createMockApi();
    const secret = 'topsecretvalue-1234';
    const cases: Array<[string | undefined, string]> = [
      ['text/plain', `client_secret=${secret}&grant_type=client_credentials`],
      ['application/json', `{"client_secret":"${secret}`],
      [undefined, `client_secret=${secret}`],
    ];
    for (const [contentType, raw] of cases) {
      // A string body would get text/plain from Request, so an empty header stands for none.
      const headers = { 'content-type': contentType ?? '' };
      const { status, body } = await call(mock, 'POST', tokenPath, { headers, raw });
      const label = contentType ?? 'no content type';
      expect(status, label).toBe(400);
      expect(body.error, label).toBe('invalid_request');
      expect(body.error_description, label).not.toContain('topsecret');
      expect(body.error_description, label).not.toContain('client_secret');
    }
  });

  it('names the unsupported content type', async () => {
    const mock = createMockApi();
    const { body } = await call(mock, 'POST', tokenPath, {
      headers: { 'content-type': 'text/plain' },
      raw: 'grant_type=client_credentials',
    });
    expect(body.error_description).toContain('text/plain is not supported');
    expect(body.error_description).toContain('application/x-www-form-urlencoded');
    const missing = await call(mock, 'POST', tokenPath, {
      headers: { 'content-type': '' },
      raw: 'grant_type=client_credentials',
    });
    expect(missing.body.error_description).toContain('Content-Type is missing');
  });
});

describe('JSON route content types', () => {
  it('rejects non-JSON content types with 415', async () => {
    const mock = createMockApi();
    const token = await tokenFor(mock);
    const raw = JSON.stringify({ vin: sandboxVin, brand: 'sandbox' });
    const cases: Array<[string, string | undefined]> = [
      ['/v1/eligibility', 'text/plain'],
      ['/v1/eligibility', undefined],
      ['/v1/fleets/vehicles', 'application/x-www-form-urlencoded'],
    ];
    for (const [path, contentType] of cases) {
      const headers = { 'content-type': contentType ?? '' };
      const { status, body } = await call(mock, 'POST', path, { token, headers, raw });
      const label = `${path} ${contentType ?? 'no content type'}`;
      expect(status, label).toBe(415);
      expect(body.errors[0].source, label).toBe('content-type');
      expect(body.errors[0].detail, label).toContain('send the body as application/json');
    }
  });

  it('accepts JSON with a charset', async () => {
    const mock = createMockApi();
    const token = await tokenFor(mock);
    const { status } = await call(mock, 'POST', '/v1/eligibility', {
      token,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      raw: JSON.stringify({ vin: sandboxVin, brand: 'sandbox' }),
    });
    expect(status).toBe(200);
  });
});

describe('VIN checks', () => {
  const badVins: Array<[string, string]> = [
    ['IOQ00000000000001', 'vin must not contain I, O or Q'],
    ['abc', 'vin should be 17 character(s)'],
    ['1hm00000000000001', 'vin must be upper case'],
    ['1HM0000000000000-', 'vin must contain only digits and capital letters'],
  ];

  it('eligibility rejects invalid VINs', async () => {
    const mock = createMockApi();
    const token = await tokenFor(mock);
    for (const [vin, message] of badVins) {
      const { status, body } = await call(mock, 'POST', '/v1/eligibility', {
        token,
        body: { vin, brand: 'sandbox' },
      });
      expect(status, vin).toBe(422);
      expect(body.errors[0].source, vin).toBe('vin');
      expect(body.errors[0].detail, vin).toContain(message);
    }
  });

  it('clearance request marks invalid VINs', async () => {
    const mock = createMockApi();
    const token = await tokenFor(mock);
    const vehicles = badVins.map(([vin]) => ({ vin, brand: 'sandbox' }));
    const { status, body } = await call(mock, 'POST', '/v1/fleets/vehicles', {
      token,
      body: { vehicles },
    });
    expect(status).toBe(200);
    for (const [index, [vin, message]] of badVins.entries()) {
      expect(body.vehicles[index].status, vin).toBe('error');
      expect(body.vehicles[index].description, vin).toContain(message);
    }
  });

  it('path VIN routes reject invalid VINs', async () => {
    const mock = createMockApi();
    const token = await tokenFor(mock);
    const cases: Array<[string, string, number]> = [
      ['GET', '/v1/fleets/vehicles/IOQ00000000000001', 404],
      ['DELETE', '/v1/fleets/vehicles/IOQ00000000000001', 422],
      ['GET', '/v1/vehicle-data/autoapi-13/IOQ00000000000001', 422],
    ];
    for (const [method, path, expected] of cases) {
      const { status, body } = await call(mock, method, path, { token });
      expect(status, path).toBe(expected);
      expect(body.errors[0].title, path).toBe('Invalid VIN');
      expect(body.errors[0].source, path).toBe('vin');
      expect(body.errors[0].detail, path).toContain('vin must not contain I, O or Q');
    }
  });
});
