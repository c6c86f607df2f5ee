import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CachedToken, createTokenProvider, type TokenCache } from '../src/index.js';
import { createTestClock } from './helpers.js';
import { scriptTokenEndpoint, useInProcessMock } from './mock-fixtures.js';

const { server } = useInProcessMock();
const credentials = { clientId: 'client', clientSecret: 'secret' };

afterEach(() => {
  vi.doUnmock('../src/token/provider-state.js');
  vi.resetModules();
});

describe('token provider code loaded on demand', () => {
  it('applies an early invalidate', async () => {
    const endpoint = scriptTokenEndpoint(server, () => ({}));
    const clock = createTestClock(Date.UTC(2025, 0, 1));
    const stored: CachedToken = {
      accessToken: 'rejected-by-the-api',
      scopes: [],
      issuedAt: clock.now(),
      expiresAt: clock.now() + 300_000,
    };
    const cache: TokenCache = { get: async () => stored, set: () => {}, delete: () => {} };
    const provider = createTokenProvider({ credentials, cache, clock });

    provider.invalidate('rejected-by-the-api');
    const token = await provider.getToken();

    expect(token.accessToken).toBe('token-1');
    expect(endpoint.calls).toBe(1);
  });

  it('checks invalidate arguments at once', () => {
    const provider = createTokenProvider({ credentials });

    expect(() => provider.invalidate(42 as never)).toThrow(TypeError);
  });

  it('rejects at once when aborted', async () => {
    const endpoint = scriptTokenEndpoint(server, () => ({}));
    const provider = createTokenProvider({ credentials });
    const reason = new Error('stopped by the caller');

    await expect(provider.getToken({ signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(endpoint.calls).toBe(0);
  });

  it('reloads after a failed download', async () => {
    let reachable = false;
    vi.resetModules();
    vi.doMock('../src/token/provider-state.js', async (importOriginal) => {
      if (!reachable) throw new TypeError('Failed to fetch dynamically imported module');
      return importOriginal();
    });
    const auth = await import('../src/index.js');
    const endpoint = scriptTokenEndpoint(server, () => ({}));
    const provider = auth.createTokenProvider({ credentials });

    const first = await provider.getToken().catch((error: unknown) => error);
    expect(first).toBeInstanceOf(auth.NetworkError);
    expect((first as Error).message).toContain('Could not load the token provider code');
    expect(endpoint.calls).toBe(0);

    reachable = true;
    await expect(provider.getToken()).resolves.toMatchObject({ accessToken: 'token-1' });
  });

  it('stops waiting for the code when aborted', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    vi.resetModules();
    vi.doMock('../src/token/provider-state.js', async (importOriginal) => {
      await gate;
      return importOriginal();
    });
    const auth = await import('../src/index.js');
    const endpoint = scriptTokenEndpoint(server, () => ({}));
    const provider = auth.createTokenProvider({ credentials });
    const controller = new AbortController();
    const reason = new Error('the caller gave up');

    const waiting = provider.getToken({ signal: controller.signal });
    controller.abort(reason);

    // The code is still held back here, so only the signal can settle the call.
    await expect(waiting).rejects.toBe(reason);
    release();
    await expect(provider.getToken()).resolves.toMatchObject({ accessToken: 'token-1' });
    expect(endpoint.calls).toBe(1);
  });
});
