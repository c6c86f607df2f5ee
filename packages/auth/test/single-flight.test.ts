import { delay, HttpResponse } from 'msw';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTokenProvider, OAuthError, UnexpectedResponseError } from '../src/index.js';
import { scriptTokenEndpoint, useInProcessMock } from './mock-fixtures.js';

const { mock, server } = useInProcessMock();

// The token provider code loads on demand. Loading it here first means the fake-timer steps
// below time the backoff only, not the module load.
beforeAll(async () => {
  await import('../src/token/provider-state.js');
});

afterEach(() => {
  vi.useRealTimers();
});

describe('single flight', () => {
  it('1,000 cold callers make one request', async () => {
    const app = mock.registerApp();
    const provider = createTokenProvider({ credentials: app });
    const tokens = await Promise.all(Array.from({ length: 1_000 }, () => provider.getToken()));
    expect(mock.requests).toHaveLength(1);
    expect(new Set(tokens.map((token) => token.accessToken)).size).toBe(1);
  });

  it('failure reaches every caller, next call retries', async () => {
    const endpoint = scriptTokenEndpoint(server, (call) =>
      call === 1
        ? HttpResponse.json(
            { error: 'invalid_request', error_description: 'client_secret is invalid' },
            { status: 400 },
          )
        : {},
    );
    const provider = createTokenProvider({
      credentials: { clientId: 'client', clientSecret: 'secret' },
    });
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => provider.getToken()));
    expect(endpoint.calls).toBe(1);
    const reasons = new Set(
      results.map((result) => (result.status === 'rejected' ? result.reason : undefined)),
    );
    expect(reasons.size).toBe(1);
    expect([...reasons][0]).toBeInstanceOf(OAuthError);

    const token = await provider.getToken();
    expect(endpoint.calls).toBe(2);
    expect(token.accessToken).toBe('token-2');
  });

  it("one caller's abort leaves the others waiting", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const endpoint = scriptTokenEndpoint(server, async () => {
      await delay(1_000);
      return {};
    });
    const provider = createTokenProvider({
      credentials: { clientId: 'client', clientSecret: 'secret' },
    });
    const controller = new AbortController();
    const aborted = provider.getToken({ signal: controller.signal });
    const waiting = provider.getToken();
    const abortedResult = aborted.catch((error: unknown) => error);

    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    const abortError = await abortedResult;
    expect(abortError).toBeInstanceOf(DOMException);
    expect((abortError as DOMException).name).toBe('AbortError');

    await vi.advanceTimersByTimeAsync(1_000);
    expect((await waiting).accessToken).toBe('token-1');
    expect(endpoint.calls).toBe(1);
    // The aborted caller's share was cached, so a later call needs no request.
    expect((await provider.getToken()).accessToken).toBe('token-1');
    expect(endpoint.calls).toBe(1);
  });

  it('abort reason is passed through', async () => {
    const endpoint = scriptTokenEndpoint(server, () => ({}));
    const provider = createTokenProvider({
      credentials: { clientId: 'client', clientSecret: 'secret' },
    });
    const reason = new Error('caller gave up');
    await expect(provider.getToken({ signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(endpoint.calls).toBe(0);
  });

  it('separate providers keep separate flights', async () => {
    const endpoint = scriptTokenEndpoint(server, () => ({}));
    const credentials = { clientId: 'client', clientSecret: 'secret' };
    const first = createTokenProvider({ credentials });
    const second = createTokenProvider({ credentials });
    await Promise.all([first.getToken(), second.getToken()]);
    expect(endpoint.calls).toBe(2);
  });

  it('background failure keeps the valid token', async () => {
    let now = 0;
    const clock = { now: () => 1_700_000_000_000 + now, monotonicNow: () => now };
    const endpoint = scriptTokenEndpoint(server, (call) =>
      call === 1 ? {} : new HttpResponse('<html>down</html>', { status: 400 }),
    );
    const provider = createTokenProvider({
      credentials: { clientId: 'client', clientSecret: 'secret' },
      clock,
    });
    const first = await provider.getToken();
    now = 250_000;
    expect(await provider.getToken()).toBe(first);
    await vi.waitFor(() => expect(endpoint.calls).toBe(2));
    expect(await provider.getToken()).toBe(first);
    // The failed background refresh is not repeated on every call.
    expect(endpoint.calls).toBe(2);
    now = 280_000;
    await expect(provider.getToken()).rejects.toBeInstanceOf(UnexpectedResponseError);
    expect(endpoint.calls).toBe(3);
  });
});
