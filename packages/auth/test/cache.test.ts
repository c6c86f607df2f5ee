import { describe, expect, it } from 'vitest';
import {
  type CachedToken,
  createMemoryTokenCache,
  createTokenProvider,
  type TokenCache,
} from '../src/index.js';
import { createRecordingLogger, createTestClock } from './helpers.js';
import { scriptTokenEndpoint, useInProcessMock } from './mock-fixtures.js';

const { server } = useInProcessMock();
const credentials = { clientId: 'client', clientSecret: 'secret' };

describe('token cache', () => {
  it('shared memory cache serves a second provider', async () => {
    const endpoint = scriptTokenEndpoint(server, () => ({}));
    const cache = createMemoryTokenCache();
    const first = await createTokenProvider({ credentials, cache }).getToken();
    const second = await createTokenProvider({ credentials, cache }).getToken();
    expect(second.accessToken).toBe(first.accessToken);
    expect(endpoint.calls).toBe(1);
  });

  it('different base URLs use different keys', async () => {
    const endpoint = scriptTokenEndpoint(server, () => ({}));
    const cache = createMemoryTokenCache();
    await createTokenProvider({ credentials, cache }).getToken();
    await createTokenProvider({ credentials, cache, environment: 'production' }).getToken();
    expect(endpoint.calls).toBe(2);
  });

  it('adopts a token stored by another process', async () => {
    const endpoint = scriptTokenEndpoint(server, () => ({}));
    const clock = createTestClock(Date.UTC(2025, 0, 1));
    const stored: CachedToken = {
      accessToken: 'from-other-process',
      scopes: ['vehicle:data'],
      issuedAt: clock.now() - 200_000,
      expiresAt: clock.now() + 100_000,
    };
    const cache: TokenCache = { get: async () => stored, set: () => {}, delete: () => {} };
    const provider = createTokenProvider({ credentials, cache, clock });
    const token = await provider.getToken();
    expect(token.accessToken).toBe('from-other-process');
    expect(token.expiresAt.getTime()).toBe(stored.expiresAt);
    expect(endpoint.calls).toBe(0);
    // 300 s lifetime: the hard window starts 30 s before expiry, 70 s from now.
    clock.advance(69_000);
    expect((await provider.getToken()).accessToken).toBe('from-other-process');
    clock.advance(2_000);
    expect((await provider.getToken()).accessToken).toBe('token-1');
  });

  it('skips a cached token in its hard window', async () => {
    const endpoint = scriptTokenEndpoint(server, () => ({}));
    const clock = createTestClock();
    const cache: TokenCache = {
      get: () => ({
        accessToken: 'nearly-expired',
        scopes: [],
        issuedAt: clock.now() - 280_000,
        expiresAt: clock.now() + 20_000,
      }),
      set: () => {},
      delete: () => {},
    };
    const token = await createTokenProvider({ credentials, cache, clock }).getToken();
    expect(token.accessToken).toBe('token-1');
    expect(endpoint.calls).toBe(1);
  });

  it('does not adopt an invalidated token again', async () => {
    const endpoint = scriptTokenEndpoint(server, () => ({}));
    const stored: CachedToken = {
      accessToken: 'rejected',
      scopes: [],
      issuedAt: Date.now(),
      expiresAt: Date.now() + 300_000,
    };
    const deleted: string[] = [];
    // A cache whose delete has not reached the store yet.
    const cache: TokenCache = {
      get: () => stored,
      set: () => {},
      delete: (_key, token) => void deleted.push(token),
    };
    const provider = createTokenProvider({ credentials, cache });
    expect((await provider.getToken()).accessToken).toBe('rejected');
    provider.invalidate('rejected');
    expect(deleted).toEqual(['rejected']);
    expect((await provider.getToken()).accessToken).toBe('token-1');
    expect(endpoint.calls).toBe(1);
  });

  it('keeps working when the cache fails', async () => {
    scriptTokenEndpoint(server, () => ({}));
    const logger = createRecordingLogger();
    const failing = () => {
      throw new Error('redis is down');
    };
    const cache: TokenCache = { get: failing, set: async () => failing(), delete: failing };
    const provider = createTokenProvider({ credentials, cache, logger });
    const token = await provider.getToken();
    provider.invalidate(token.accessToken);
    await provider.getToken();
    const warnings = logger.lines
      .filter((line) => line.level === 'warn')
      .map((line) => line.message);
    expect(warnings).toEqual(
      expect.arrayContaining([
        'Token cache get failed; continuing without the cache',
        'Token cache set failed; continuing without the cache',
        'Token cache delete failed; continuing without the cache',
      ]),
    );
  });

  it('memory cache deletes only the matching token', () => {
    const cache = createMemoryTokenCache(() => 0);
    const entry = { accessToken: 'new', scopes: [], issuedAt: 0, expiresAt: 1_000 };
    cache.set('key', entry);
    cache.delete('key', 'old');
    expect(cache.get('key')).toEqual(entry);
    cache.delete('key', 'new');
    expect(cache.get('key')).toBeUndefined();
  });

  it('memory cache drops expired entries', () => {
    let now = 0;
    const cache = createMemoryTokenCache(() => now);
    cache.set('key', { accessToken: 'a', scopes: [], issuedAt: 0, expiresAt: 1_000 });
    now = 1_000;
    expect(cache.get('key')).toBeUndefined();
  });
});
