import { createHmac, generateKeyPairSync } from 'node:crypto';
import {
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  exportSPKI,
  importPKCS8,
  jwtVerify,
  SignJWT,
} from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMockApi, jwtBearerAssertionType, type MockApi } from '../src/index.js';
import { base64UrlJson, call, generateEcKeyPair, sandboxUrl, signAssertion } from './helpers.js';

const tokenPath = '/v1/access_tokens';

describe('token endpoint with client secret', () => {
  let mock: MockApi;
  beforeEach(() => {
    mock = createMockApi();
  });

  it('issues an ES256 access token from a JSON body', async () => {
    const app = mock.registerApp({ scopes: ['fleet:clearance', 'vehicle:data'] });
    const { status, body } = await call(mock, 'POST', tokenPath, {
      body: {
        grant_type: 'client_credentials',
        client_id: app.clientId,
        client_secret: app.clientSecret,
      },
    });
    expect(status).toBe(200);
    expect(body.token_type).toBe('bearer');
    expect(body.expires_in).toBe(300);
    expect(body.scope).toBe('fleet:clearance vehicle:data');
    expect(decodeProtectedHeader(body.access_token).alg).toBe('ES256');
    const claims = decodeJwt(body.access_token);
    expect(claims.sub).toBe(app.clientId);
    expect(claims.scope).toBe('fleet:clearance vehicle:data');
    expect(claims.ver).toBe(1);
    expect(claims.iss).toBe(`${sandboxUrl}/v1/auth_tokens`);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(300);
  });

  it('accepts a form-encoded body', async () => {
    const app = mock.registerApp();
    const { status, body } = await call(mock, 'POST', tokenPath, {
      form: {
        grant_type: 'client_credentials',
        client_id: app.clientId,
        client_secret: app.clientSecret,
      },
    });
    expect(status).toBe(200);
    expect(body.scope).toBe('fleet:clearance vehicle:eligibility-check vehicle:data');
  });

  it('rejects a wrong secret with invalid_request', async () => {
    const app = mock.registerApp();
    const { status, body } = await call(mock, 'POST', tokenPath, {
      body: { grant_type: 'client_credentials', client_id: app.clientId, client_secret: 'wrong' },
    });
    expect(status).toBe(400);
    expect(body).toEqual({
      error: 'invalid_request',
      error_description: 'client_secret is invalid',
    });
  });

  it('lists every blank field', async () => {
    const { status, body } = await call(mock, 'POST', tokenPath, {
      body: { grant_type: 'client_credentials' },
    });
    expect(status).toBe(400);
    expect(body.error_description).toBe("client_id can't be blank, client_secret can't be blank");
  });

  it('rejects a missing grant_type and other grants', async () => {
    const missing = await call(mock, 'POST', tokenPath, { body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error_description).toBe("grant_type can't be blank");
    const refresh = await call(mock, 'POST', tokenPath, { body: { grant_type: 'refresh_token' } });
    expect(refresh.status).toBe(400);
    expect(refresh.body.error).toBe('unsupported_grant_type');
  });

  it('rejects a body that is not JSON', async () => {
    const { status, body } = await call(mock, 'POST', tokenPath, {
      headers: { 'content-type': 'application/json' },
      raw: '{"grant_type":',
    });
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_request');
    expect(body.error_description).toContain('not valid JSON');
  });
});

describe('token endpoint with client assertion', () => {
  let mock: MockApi;
  let keys: CryptoKeyPair;
  let privateKeyId: string;
  let clientId: string;

  const requestToken = (assertion: string, extra: Record<string, string> = {}) =>
    call(mock, 'POST', tokenPath, {
      body: {
        grant_type: 'client_credentials',
        client_assertion_type: jwtBearerAssertionType,
        client_assertion: assertion,
        ...extra,
      },
    });

  beforeEach(async () => {
    mock = createMockApi();
    keys = await generateEcKeyPair();
    clientId = mock.registerApp({ scopes: ['vehicle:data'] }).clientId;
    privateKeyId = mock.registerPrivateKey({ clientId, publicKey: keys.publicKey }).privateKeyId;
  });

  it('issues a token for a valid assertion', async () => {
    const { status, body } = await requestToken(await signAssertion(keys.privateKey, privateKeyId));
    expect(status).toBe(200);
    expect(decodeJwt(body.access_token).sub).toBe(clientId);
    expect(body.scope).toBe('vehicle:data');
  });

  it('accepts keys registered as JWK and SPKI PEM', async () => {
    const jwk = await exportJWK(keys.publicKey);
    const fromJwk = mock.registerPrivateKey({ clientId, publicKey: jwk }).privateKeyId;
    const pem = await exportSPKI(keys.publicKey);
    const fromPem = mock.registerPrivateKey({ clientId, publicKey: pem }).privateKeyId;
    for (const keyId of [fromJwk, fromPem]) {
      const { status } = await requestToken(await signAssertion(keys.privateKey, keyId));
      expect(status).toBe(200);
    }
  });

  it('accepts a form-encoded assertion with client_id', async () => {
    const assertion = await signAssertion(keys.privateKey, privateKeyId);
    const { status } = await call(mock, 'POST', tokenPath, {
      form: {
        grant_type: 'client_credentials',
        client_assertion_type: jwtBearerAssertionType,
        client_assertion: assertion,
        client_id: clientId,
      },
    });
    expect(status).toBe(200);
  });

  it('rejects a replayed assertion', async () => {
    const assertion = await signAssertion(keys.privateKey, privateKeyId);
    expect((await requestToken(assertion)).status).toBe(200);
    const replay = await requestToken(assertion);
    expect(replay.status).toBe(400);
    expect(replay.body.error_description).toBe('client_assertion jti was already used');
  });

  it('rejects bad claims', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['ver', { ver: 1 }, 'client_assertion ver must be 2'],
      ['aud', { aud: 'https://api.high-mobility.com/v1' }, 'client_assertion aud must be'],
      ['old iat', { iat: now - 3600 }, 'client_assertion iat is more than 300 s'],
      ['future iat', { iat: now + 3600 }, 'client_assertion iat is more than 300 s'],
      ['jti', { jti: '' }, 'client_assertion jti is missing'],
      ['iss', { iss: 'unknown-key' }, 'client_assertion is signed with an unknown key'],
      ['expired', { exp: 1000 }, 'client_assertion exp 1970-01-01T00:16:40.000Z is in the past'],
      ['nbf', { nbf: now + 3600 }, 'client_assertion nbf'],
      ['string exp', { exp: 'soon' }, 'client_assertion exp must be a number'],
    ];
    for (const [name, overrides, message] of cases) {
      const { status, body } = await requestToken(
        await signAssertion(keys.privateKey, privateKeyId, overrides),
      );
      expect(status, name).toBe(400);
      expect(body.error, name).toBe('invalid_request');
      expect(body.error_description, name).toContain(message);
      expect(body.error_description, name).not.toContain('signature');
    }
  });

  it('names the times of a stale iat', async () => {
    mock = createMockApi({ clock: 'manual' });
    clientId = mock.registerApp().clientId;
    privateKeyId = mock.registerPrivateKey({ clientId, publicKey: keys.publicKey }).privateKeyId;
    const iat = Math.floor(mock.clock.now() / 1000) - 3600;
    const { body } = await requestToken(
      await signAssertion(keys.privateKey, privateKeyId, { iat }),
    );
    expect(body.error_description).toContain(new Date(iat * 1000).toISOString());
    expect(body.error_description).toContain(
      `the mock time is ${new Date(mock.clock.now()).toISOString()}`,
    );
  });

  it('names expected and actual aud', async () => {
    const aud = 'https://api.high-mobility.com/v1';
    const { body } = await requestToken(
      await signAssertion(keys.privateKey, privateKeyId, { aud }),
    );
    expect(body.error_description).toContain(`${sandboxUrl}/v1`);
    expect(body.error_description).toContain(`not "${aud}"`);
  });

  it('rejects a client_id that does not own the key', async () => {
    const other = mock.registerApp().clientId;
    const { status, body } = await requestToken(
      await signAssertion(keys.privateKey, privateKeyId),
      {
        client_id: other,
      },
    );
    expect(status).toBe(400);
    expect(body.error_description).toContain('client_id does not match');
  });

  it('rejects an assertion signed by another key', async () => {
    const other = await generateEcKeyPair();
    const { status, body } = await requestToken(
      await signAssertion(other.privateKey, privateKeyId),
    );
    expect(status).toBe(400);
    expect(body.error_description).toContain('client_assertion signature is invalid');
    expect(body.error_description).toContain(privateKeyId);
  });

  it('rejects a wrong client_assertion_type', async () => {
    const assertion = await signAssertion(keys.privateKey, privateKeyId);
    const { status } = await requestToken(assertion, { client_assertion_type: 'jwt' });
    expect(status).toBe(400);
  });

  it('rejects alg none', async () => {
    const claims = {
      ver: 2,
      iss: privateKeyId,
      aud: `${sandboxUrl}/v1`,
      jti: 'a',
      iat: Math.floor(Date.now() / 1000),
    };
    const unsigned = `${base64UrlJson({ alg: 'none', typ: 'JWT' })}.${base64UrlJson(claims)}.`;
    const { status, body } = await requestToken(unsigned);
    expect(status).toBe(400);
    expect(body.error_description).toBe('client_assertion must be signed with ES256, not none');
  });

  it('rejects HS256 signed with the public key as secret', async () => {
    const pem = await exportSPKI(keys.publicKey);
    mock.registerPrivateKey({ clientId, privateKeyId: 'pem-key', publicKey: pem });
    const claims = {
      ver: 2,
      iss: 'pem-key',
      aud: `${sandboxUrl}/v1`,
      jti: 'b',
      iat: Math.floor(Date.now() / 1000),
    };
    const signingInput = `${base64UrlJson({ alg: 'HS256', typ: 'JWT' })}.${base64UrlJson(claims)}`;
    const signature = createHmac('sha256', pem).update(signingInput).digest('base64url');
    const { status, body } = await requestToken(`${signingInput}.${signature}`);
    expect(status).toBe(400);
    expect(body.error_description).toBe('client_assertion must be signed with ES256, not HS256');
  });

  it('rejects RS256', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const rsaKey = await importPKCS8(pkcs8, 'RS256');
    const assertion = await new SignJWT({ ver: 2, jti: 'c' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(privateKeyId)
      .setAudience(`${sandboxUrl}/v1`)
      .setIssuedAt()
      .sign(rsaKey);
    const { status, body } = await requestToken(assertion);
    expect(status).toBe(400);
    expect(body.error_description).toBe('client_assertion must be signed with ES256, not RS256');
  });

  it('accepts the configured base URL as audience', async () => {
    const narrowed = createMockApi({ baseUrl: 'http://127.0.0.1:4010/' });
    const app = narrowed.registerApp();
    const keyId = narrowed.registerPrivateKey({
      clientId: app.clientId,
      publicKey: keys.publicKey,
    }).privateKeyId;
    const assertion = await signAssertion(keys.privateKey, keyId, {}, 'http://127.0.0.1:4010/v1');
    const { status } = await call(narrowed, 'POST', tokenPath, {
      origin: 'http://127.0.0.1:4010',
      body: {
        grant_type: 'client_credentials',
        client_assertion_type: jwtBearerAssertionType,
        client_assertion: assertion,
      },
    });
    expect(status).toBe(200);
  });

  it('signs tokens with the mock key only', async () => {
    const { body } = await requestToken(await signAssertion(keys.privateKey, privateKeyId));
    const verified = await jwtVerify(body.access_token, await mock.getAccessTokenPublicKey());
    expect(verified.payload.sub).toBe(clientId);
    const other = createMockApi();
    await expect(
      jwtVerify(body.access_token, await other.getAccessTokenPublicKey()),
    ).rejects.toThrow();
  });
});

describe('registerPrivateKey', () => {
  it('rejects a private key PEM', () => {
    const mock = createMockApi();
    expect(() =>
      mock.registerPrivateKey({
        publicKey: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----',
      }),
    ).toThrow(/SPKI PEM/);
  });

  it('rejects a JWK of another curve', () => {
    const mock = createMockApi();
    expect(() =>
      mock.registerPrivateKey({ publicKey: { kty: 'EC', crv: 'P-384', x: 'a', y: 'b' } }),
    ).toThrow(/P-256/);
  });
});
