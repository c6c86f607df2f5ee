import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createCredentials,
  createTokenProvider,
  environments,
  OAuthError,
  parseCredentialsJson,
} from '../src/index.js';
import { createRecordingFetch, decodeJwtParts, generateP256 } from './helpers.js';
import { useInProcessMock } from './mock-fixtures.js';

const { mock } = useInProcessMock();

async function checkEligibility(baseUrl: string, accessToken: string): Promise<number> {
  const response = await fetch(`${baseUrl}/v1/eligibility`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ vin: '1HMSANDB0X0000001', brand: 'sandbox' }),
  });
  return response.status;
}

describe('token provider against the in-process mock', () => {
  it('client secret token works on the API', async () => {
    const app = mock.registerApp();
    const provider = createTokenProvider({ credentials: app });
    const token = await provider.getToken();
    expect(token.tokenType).toBe('bearer');
    expect(token.scopes).toEqual(['fleet:clearance', 'vehicle:eligibility-check', 'vehicle:data']);
    expect(mock.requests[0]?.url).toBe(`${environments.sandbox}/v1/access_tokens`);
    expect(await checkEligibility(environments.sandbox, token.accessToken)).toBe(200);
  });

  it('production preset is intercepted too', async () => {
    const app = mock.registerApp();
    const provider = createTokenProvider({ credentials: app, environment: 'production' });
    await provider.getToken();
    expect(mock.requests[0]?.url).toBe(`${environments.production}/v1/access_tokens`);
  });

  it('private key assertion verifies with node:crypto', async () => {
    const pair = await generateP256();
    const app = mock.registerApp();
    const { privateKeyId } = mock.registerPrivateKey({
      clientId: app.clientId,
      publicKey: pair.publicKey,
    });
    const recordingFetch = createRecordingFetch();
    const before = Math.floor(Date.now() / 1000);
    const provider = createTokenProvider({
      credentials: { privateKeyId, privateKey: pair.pkcs8Pem, clientId: app.clientId },
      fetch: recordingFetch,
    });
    const token = await provider.getToken();
    expect(await checkEligibility(environments.sandbox, token.accessToken)).toBe(200);

    const fields = recordingFetch.sent[0]?.fields ?? {};
    expect(fields.grant_type).toBe('client_credentials');
    expect(fields.client_id).toBe(app.clientId);
    expect(fields.client_assertion_type).toBe(
      'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    );
    const assertion = fields.client_assertion ?? '';
    const [header, payload, signature = ''] = assertion.split('.');
    const publicKey = createPublicKey({ key: pair.spkiDer, format: 'der', type: 'spki' });
    const valid = verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      { key: publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature, 'base64url'),
    );
    expect(valid).toBe(true);

    const decoded = decodeJwtParts(assertion);
    expect(decoded.header).toEqual({ alg: 'ES256', typ: 'JWT' });
    expect(decoded.payload.ver).toBe(2);
    expect(decoded.payload.iss).toBe(privateKeyId);
    expect(decoded.payload.aud).toBe(`${environments.sandbox}/v1`);
    expect(decoded.payload.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(decoded.payload.iat).toBeGreaterThanOrEqual(before);
    expect(decoded.payload.iat).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    expect(Object.keys(decoded.payload).sort()).toEqual(['aud', 'iat', 'iss', 'jti', 'ver']);
  });

  it('private key without client id omits client_id', async () => {
    const pair = await generateP256();
    mock.registerApp();
    const { privateKeyId } = mock.registerPrivateKey({ publicKey: pair.publicKey });
    const recordingFetch = createRecordingFetch();
    const provider = createTokenProvider({
      credentials: { privateKeyId, privateKey: pair.jwk },
      fetch: recordingFetch,
    });
    await provider.getToken();
    expect(recordingFetch.sent[0]?.fields).not.toHaveProperty('client_id');
  });

  it('console credentials JSON round trip', async () => {
    const pair = await generateP256();
    const app = mock.registerApp();
    const { privateKeyId } = mock.registerPrivateKey({ publicKey: pair.publicKey });
    const credentials = parseCredentialsJson(
      JSON.stringify({
        client_id: app.clientId,
        id: privateKeyId,
        private_key: pair.pkcs8Pem,
        inserted_at: '2024-01-01T00:00:00Z',
      }),
    );
    const token = await createTokenProvider({ credentials }).getToken();
    expect(token.accessToken.split('.')).toHaveLength(3);
  });

  it('form encoding is accepted', async () => {
    const app = mock.registerApp();
    const recordingFetch = createRecordingFetch();
    const provider = createTokenProvider({
      credentials: app,
      bodyEncoding: 'form',
      fetch: recordingFetch,
    });
    await provider.getToken();
    expect(recordingFetch.sent[0]?.contentType).toBe('application/x-www-form-urlencoded');
    expect(recordingFetch.sent[0]?.fields.client_id).toBe(app.clientId);
    expect(mock.requests[0]?.status).toBe(200);
  });

  it('base URL ending in /v1/ sends no //v1', async () => {
    const app = mock.registerApp();
    const provider = createTokenProvider({
      credentials: app,
      baseUrl: 'https://sandbox.api.high-mobility.com/v1/',
    });
    await provider.getToken();
    expect(mock.requests[0]?.path).toBe('/v1/access_tokens');
  });

  it('wrong secret is rejected once', async () => {
    const app = mock.registerApp();
    const provider = createTokenProvider({
      credentials: { clientId: app.clientId, clientSecret: 'wrong-secret-value' },
    });
    const error = await provider.getToken().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({
      code: 'ERR_AUTH_OAUTH',
      status: 400,
      error: 'invalid_request',
      error_description: 'client_secret is invalid',
      retryable: false,
      attempts: 1,
    });
    expect((error as Error).message).not.toContain('wrong-secret-value');
    expect(mock.requests).toHaveLength(1);
  });

  it('unknown key id is rejected once', async () => {
    const pair = await generateP256();
    const provider = createTokenProvider({
      credentials: createCredentials({ privateKeyId: 'unknown-key', privateKey: pair.privateKey }),
    });
    await expect(provider.getToken()).rejects.toMatchObject({ status: 400, attempts: 1 });
    expect(mock.requests).toHaveLength(1);
  });
});
