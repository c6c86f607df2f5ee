import { createPublicKey, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCredentials, createTokenProvider } from '../src/index.js';

interface Received {
  body: Record<string, string>;
}

let server: Server;
let baseUrl: string;
const received: Received[] = [];

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      text += chunk;
    });
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = JSON.parse(await readBody(request)) as Record<string, string>;
    received.push({ body });
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify({
        access_token: `token-${received.length}`,
        expires_in: 300,
        scope: 'fleet:clearance vehicle:data',
        token_type: 'bearer',
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('token provider round trip', () => {
  it('client secret body and cached token', async () => {
    received.length = 0;
    const provider = createTokenProvider({
      credentials: { clientId: 'client-1', clientSecret: 'secret-1' },
      baseUrl,
    });
    const [first, second] = await Promise.all([provider.getToken(), provider.getToken()]);
    expect(received).toHaveLength(1);
    expect(received[0]?.body).toEqual({
      grant_type: 'client_credentials',
      client_id: 'client-1',
      client_secret: 'secret-1',
    });
    expect(first.accessToken).toBe('token-1');
    expect(second).toBe(first);
    expect(first.scopes).toEqual(['fleet:clearance', 'vehicle:data']);
  });

  it('private key assertion verifies with node:crypto', async () => {
    received.length = 0;
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
    const pem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64')}\n-----END PRIVATE KEY-----\n`;
    const credentials = createCredentials({ privateKeyId: 'key-1', privateKey: pem });
    const provider = createTokenProvider({ credentials, baseUrl });
    await provider.getToken();

    const body = received[0]?.body ?? {};
    expect(body.grant_type).toBe('client_credentials');
    expect(body.client_assertion_type).toBe(
      'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    );
    const [header = '', payload = '', signature = ''] = (body.client_assertion ?? '').split('.');
    const spki = Buffer.from(await crypto.subtle.exportKey('spki', pair.publicKey));
    const publicKey = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    const valid = verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      { key: publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature, 'base64url'),
    );
    expect(valid).toBe(true);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    expect(claims.ver).toBe(2);
    expect(claims.iss).toBe('key-1');
    expect(claims.aud).toBe(`${baseUrl}/v1`);
  });
});
