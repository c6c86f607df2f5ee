import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockApi } from '@hm-sdk/mock-server';
import { type MockHttpServer, startMockHttpServer } from '@hm-sdk/mock-server/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenProvider, NetworkError, TimeoutError } from '../src/index.js';
import { generateP256 } from './helpers.js';

const mock = createMockApi();
let listener: MockHttpServer;

beforeAll(async () => {
  listener = await startMockHttpServer(mock);
});

afterAll(async () => {
  await listener.close();
});

describe('token provider over the mock HTTP listener', () => {
  it('client secret, JSON body', async () => {
    const app = mock.registerApp();
    const provider = createTokenProvider({ credentials: app, baseUrl: listener.url });
    const token = await provider.getToken();
    const response = await fetch(`${listener.url}/v1/eligibility`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ vin: '1HMSANDB0X0000002', brand: 'sandbox' }),
    });
    expect(response.status).toBe(200);
  });

  it('private key, form body', async () => {
    const pair = await generateP256();
    const app = mock.registerApp();
    const { privateKeyId } = mock.registerPrivateKey({
      clientId: app.clientId,
      publicKey: await crypto.subtle.exportKey('jwk', pair.publicKey),
    });
    const provider = createTokenProvider({
      credentials: {
        privateKeyId,
        privateKey: pair.pkcs8Pem.replace(/\n/g, '\\n'),
        clientId: app.clientId,
      },
      baseUrl: `${listener.url}/`,
      bodyEncoding: 'form',
    });
    const token = await provider.getToken();
    expect(token.scopes).toContain('vehicle:data');
    const logged = mock.requests.at(-1);
    expect(logged?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(logged?.status).toBe(200);
  });

  it('1,000 cold callers make one request', async () => {
    const app = mock.registerApp();
    const before = mock.requests.length;
    const provider = createTokenProvider({ credentials: app, baseUrl: listener.url });
    await Promise.all(Array.from({ length: 1_000 }, () => provider.getToken()));
    expect(mock.requests.length - before).toBe(1);
  });
});

describe('transport failures on 127.0.0.1', () => {
  it('refused connection is a NetworkError', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));

    const provider = createTokenProvider({
      credentials: { clientId: 'client', clientSecret: 'secret' },
      baseUrl: `http://127.0.0.1:${port}`,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const error = await provider.getToken().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ attempts: 2 });
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('silent server is a TimeoutError', async () => {
    const silent = createServer(() => {
      // Never answers.
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const provider = createTokenProvider({
        credentials: { clientId: 'client', clientSecret: 'secret' },
        baseUrl: `http://127.0.0.1:${port}`,
        timeoutMs: 100,
        retry: false,
      });
      await expect(provider.getToken()).rejects.toBeInstanceOf(TimeoutError);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
