import { delay, HttpResponse } from 'msw';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createTokenProvider,
  NetworkError,
  OAuthError,
  type RetryOptions,
  TimeoutError,
  UnexpectedResponseError,
} from '../src/index.js';
import { createRecordingLogger, decodeJwtParts, generateP256 } from './helpers.js';
import { type ScriptedBody, scriptTokenEndpoint, useInProcessMock } from './mock-fixtures.js';

const { mock, server } = useInProcessMock();

// The token provider code loads on demand. Loading it here first means the fake-timer steps
// below time the backoff only, not the module load.
beforeAll(async () => {
  await import('../src/token/provider-state.js');
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.useRealTimers();
});

const secretCredentials = { clientId: 'client', clientSecret: 'secret-value-123' };
const retry: RetryOptions = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 };

function failThenSucceed(failures: number, failure: () => Response) {
  return scriptTokenEndpoint(server, (call): Response | ScriptedBody =>
    call <= failures ? failure() : {},
  );
}

/** Returns a promise that settles to the value or the error of `promise`. */
function settle<T>(promise: Promise<T>): Promise<T | unknown> {
  return promise.catch((error: unknown) => error);
}

describe('retries', () => {
  it('retries a 503 and succeeds', async () => {
    const endpoint = failThenSucceed(1, () => new HttpResponse(null, { status: 503 }));
    const provider = createTokenProvider({
      credentials: secretCredentials,
      retry,
      random: () => 0.5,
    });
    const result = settle(provider.getToken());
    await vi.advanceTimersByTimeAsync(74);
    expect(endpoint.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(endpoint.calls).toBe(2);
    expect(await result).toMatchObject({ accessToken: 'token-2' });
  });

  it('signs a fresh assertion per attempt', async () => {
    const pair = await generateP256();
    mock.registerApp();
    const { privateKeyId } = mock.registerPrivateKey({ publicKey: pair.publicKey });
    const endpoint = failThenSucceed(2, () => new HttpResponse(null, { status: 500 }));
    // Web Crypto signs in real time on a worker thread, so fake time could run past the request
    // timeout while a signature is pending. Real timers with a 1 ms backoff avoid that race.
    vi.useRealTimers();
    const provider = createTokenProvider({
      credentials: { privateKeyId, privateKey: pair.pkcs8Pem },
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
    });
    expect(await provider.getToken()).toMatchObject({ accessToken: 'token-3' });
    const ids = endpoint.bodies.map((body) => {
      const assertion = (JSON.parse(body) as { client_assertion: string }).client_assertion;
      return decodeJwtParts(assertion).payload.jti;
    });
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });

  it('waits for Retry-After seconds', async () => {
    const endpoint = failThenSucceed(1, () =>
      HttpResponse.json({ error: 'slow_down' }, { status: 429, headers: { 'retry-after': '3' } }),
    );
    const provider = createTokenProvider({ credentials: secretCredentials, retry });
    const result = settle(provider.getToken());
    await vi.advanceTimersByTimeAsync(2_999);
    expect(endpoint.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(endpoint.calls).toBe(2);
    expect(await result).toMatchObject({ accessToken: 'token-2' });
  });

  it('waits for a Retry-After date', async () => {
    const wall = Date.UTC(2025, 0, 1, 12, 0, 0);
    const endpoint = failThenSucceed(
      1,
      () =>
        new HttpResponse('busy', {
          status: 429,
          headers: { 'retry-after': new Date(wall + 2_000).toUTCString() },
        }),
    );
    const provider = createTokenProvider({
      credentials: secretCredentials,
      retry,
      clock: { now: () => wall },
    });
    const result = settle(provider.getToken());
    await vi.advanceTimersByTimeAsync(1_999);
    expect(endpoint.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(endpoint.calls).toBe(2);
    expect(await result).toMatchObject({ accessToken: 'token-2' });
  });

  it('gives up on a long Retry-After', async () => {
    const endpoint = failThenSucceed(1, () =>
      HttpResponse.json({ error: 'slow_down' }, { status: 429, headers: { 'retry-after': '60' } }),
    );
    const provider = createTokenProvider({ credentials: secretCredentials, retry });
    const error = await settle(provider.getToken());
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({
      status: 429,
      retryAfterMs: 60_000,
      retryable: true,
      attempts: 1,
    });
    expect(endpoint.calls).toBe(1);
  });

  it.each([400, 401])('never retries %i', async (status) => {
    const endpoint = failThenSucceed(5, () =>
      HttpResponse.json({ error: 'invalid_request' }, { status }),
    );
    const provider = createTokenProvider({ credentials: secretCredentials, retry });
    const error = await settle(provider.getToken());
    expect(error).toMatchObject({ code: 'ERR_AUTH_OAUTH', status, retryable: false });
    expect(endpoint.calls).toBe(1);
  });

  it('reports an HTML 502 with an excerpt', async () => {
    const page = `<html><head><title>502 Bad Gateway</title><style>body{}</style></head>
      <body><h1>502 Bad Gateway</h1><p>request was client_secret=secret-value-123</p></body></html>`;
    const endpoint = failThenSucceed(
      9,
      () => new HttpResponse(page, { status: 502, headers: { 'content-type': 'text/html' } }),
    );
    const provider = createTokenProvider({ credentials: secretCredentials, retry });
    const result = settle(provider.getToken());
    await vi.advanceTimersByTimeAsync(5_000);
    const error = await result;
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({
      status: 502,
      contentType: 'text/html',
      attempts: 3,
      retryable: true,
    });
    const { bodyExcerpt, message } = error as UnexpectedResponseError;
    expect(bodyExcerpt).toBe(
      '502 Bad Gateway 502 Bad Gateway request was client_secret=[redacted]',
    );
    expect(message).toContain('HTTP 502');
    expect(message).not.toContain('secret-value-123');
    expect(endpoint.calls).toBe(3);
  });

  it('retries network errors', async () => {
    const logger = createRecordingLogger();
    const endpoint = failThenSucceed(9, () => HttpResponse.error());
    const provider = createTokenProvider({ credentials: secretCredentials, retry, logger });
    const result = settle(provider.getToken());
    await vi.advanceTimersByTimeAsync(5_000);
    const error = await result;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'ERR_AUTH_NETWORK', attempts: 3, retryable: true });
    expect(endpoint.calls).toBe(3);
    const retries = logger.lines.filter((line) => line.message.includes('retrying'));
    expect(retries.map((line) => line.fields?.attempt)).toEqual([1, 2]);
  });

  it('times out a hanging attempt', async () => {
    const endpoint = scriptTokenEndpoint(server, async () => {
      await delay('infinite');
      return {};
    });
    const provider = createTokenProvider({
      credentials: secretCredentials,
      retry: false,
      timeoutMs: 2_000,
    });
    const result = settle(provider.getToken());
    await vi.advanceTimersByTimeAsync(1_999);
    expect(endpoint.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    const error = await result;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'ERR_AUTH_TIMEOUT', timeoutMs: 2_000, attempts: 1 });
  });

  it('uses the default timeout of 10 s', async () => {
    scriptTokenEndpoint(server, async () => {
      await delay('infinite');
      return {};
    });
    const provider = createTokenProvider({ credentials: secretCredentials, retry: false });
    const result = settle(provider.getToken());
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await result).toBeInstanceOf(TimeoutError);
  });

  it('backoff grows and stays within bounds', async () => {
    const endpoint = failThenSucceed(9, () => new HttpResponse(null, { status: 500 }));
    const provider = createTokenProvider({
      credentials: secretCredentials,
      retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 300 },
      random: () => 0,
    });
    const result = settle(provider.getToken());
    // With random() = 0 the delays are half of 100, 200 and the 300 cap.
    await vi.advanceTimersByTimeAsync(49);
    expect(endpoint.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(endpoint.calls).toBe(2);
    await vi.advanceTimersByTimeAsync(99);
    expect(endpoint.calls).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(endpoint.calls).toBe(3);
    await vi.advanceTimersByTimeAsync(149);
    expect(endpoint.calls).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(endpoint.calls).toBe(4);
    expect(await result).toMatchObject({ status: 500, attempts: 4 });
  });
});
