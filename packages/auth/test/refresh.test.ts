import { describe, expect, it, vi } from 'vitest';
import { createTokenProvider, type TokenProvider } from '../src/index.js';
import { createRecordingLogger, createTestClock, type TestClock } from './helpers.js';
import { type ScriptedEndpoint, scriptTokenEndpoint, useInProcessMock } from './mock-fixtures.js';

const { server } = useInProcessMock();

interface Setup {
  provider: TokenProvider;
  clock: TestClock;
  endpoint: ScriptedEndpoint;
}

function setup(expiresIn: unknown, extra: Record<string, unknown> = {}): Setup {
  const clock = createTestClock(Date.UTC(2025, 0, 1));
  const endpoint = scriptTokenEndpoint(server, () => ({ expires_in: expiresIn, ...extra }));
  const provider = createTokenProvider({
    credentials: { clientId: 'client', clientSecret: 'secret' },
    clock,
  });
  return { provider, clock, endpoint };
}

const seconds = (value: number) => value * 1_000;

describe.each([60, 300, 3_600])('refresh of %i s tokens', (lifetime) => {
  it('serves the cache until the soft window', async () => {
    const { provider, clock, endpoint } = setup(lifetime);
    const first = await provider.getToken();
    for (let elapsed = 0; elapsed < lifetime * 0.75 - 1; elapsed += lifetime / 20) {
      clock.advance(seconds(lifetime / 20));
      expect(await provider.getToken()).toBe(first);
    }
    expect(endpoint.calls).toBe(1);
  });

  it('refreshes in the background in the soft window', async () => {
    const { provider, clock, endpoint } = setup(lifetime);
    const first = await provider.getToken();
    clock.advance(seconds(lifetime * 0.8));
    expect(await provider.getToken()).toBe(first);
    await vi.waitFor(() => expect(endpoint.calls).toBe(2));
    const second = await provider.getToken();
    expect(second.accessToken).toBe('token-2');
    expect(endpoint.calls).toBe(2);
  });

  it('makes callers wait in the hard window', async () => {
    const { provider, clock, endpoint } = setup(lifetime);
    await provider.getToken();
    clock.advance(seconds(lifetime * 0.95));
    expect((await provider.getToken()).accessToken).toBe('token-2');
    expect(endpoint.calls).toBe(2);
  });

  it('fetches again after expiry', async () => {
    const { provider, clock, endpoint } = setup(lifetime);
    await provider.getToken();
    clock.advance(seconds(lifetime + 1));
    expect((await provider.getToken()).accessToken).toBe('token-2');
    expect(endpoint.calls).toBe(2);
  });
});

describe('token lifetime', () => {
  it('ignores wall-clock jumps', async () => {
    const { provider, clock, endpoint } = setup(300);
    const first = await provider.getToken();
    clock.jumpWall(seconds(3_600));
    expect(await provider.getToken()).toBe(first);
    clock.jumpWall(-seconds(7_200));
    expect(await provider.getToken()).toBe(first);
    expect(endpoint.calls).toBe(1);
    clock.advance(seconds(290));
    expect((await provider.getToken()).accessToken).toBe('token-2');
  });

  it('counts expiry from send time', async () => {
    const clock = createTestClock(Date.UTC(2025, 0, 1));
    const sentAt = clock.now();
    scriptTokenEndpoint(server, () => {
      // A slow server: ten seconds pass between sending and receiving.
      clock.advance(seconds(10));
      return { expires_in: 300 };
    });
    const provider = createTokenProvider({
      credentials: { clientId: 'client', clientSecret: 'secret' },
      clock,
    });
    const token = await provider.getToken();
    expect(token.expiresAt.getTime()).toBe(sentAt + seconds(300));
  });

  const lifetimes: Array<[string, unknown, number]> = [
    ['numeric string', '120', 120],
    ['fractional number', 90.5, 90.5],
    ['missing', undefined, 60],
    ['negative', -5, 60],
    ['zero', 0, 60],
    ['non-numeric string', 'soon', 60],
    ['null', null, 60],
    ['infinite', '1e999', 60],
  ];
  it.each(lifetimes)('expires_in %s', async (_name, expiresIn, expected) => {
    const { provider, clock } = setup(expiresIn);
    const token = await provider.getToken();
    expect(token.expiresAt.getTime() - clock.now()).toBe(seconds(expected));
  });

  it('reads exp - iat from a JWT token', async () => {
    const payload = Buffer.from(JSON.stringify({ iat: 1_000, exp: 1_090 })).toString('base64url');
    const { provider, clock } = setup(undefined, {
      access_token: `eyJhbGciOiJFUzI1NiJ9.${payload}.sig`,
    });
    const token = await provider.getToken();
    expect(token.expiresAt.getTime() - clock.now()).toBe(seconds(90));
  });

  it('logs a warning for an unusable expires_in', async () => {
    const logger = createRecordingLogger();
    scriptTokenEndpoint(server, () => ({ expires_in: -1 }));
    const provider = createTokenProvider({
      credentials: { clientId: 'client', clientSecret: 'secret' },
      fallbackExpiresInSeconds: 30,
      logger,
    });
    await provider.getToken();
    const warning = logger.lines.find((line) => line.level === 'warn');
    expect(warning?.fields).toMatchObject({
      expiresIn: -1,
      lifetimeSeconds: 30,
      lifetimeSource: 'fallback',
    });
  });

  it('uses a custom refresh margin', async () => {
    const clock = createTestClock();
    const endpoint = scriptTokenEndpoint(server, () => ({ expires_in: 100 }));
    const provider = createTokenProvider({
      credentials: { clientId: 'client', clientSecret: 'secret' },
      clock,
      refreshMargin: { soft: 0.5, hard: 0.5 },
    });
    await provider.getToken();
    clock.advance(seconds(49));
    await provider.getToken();
    expect(endpoint.calls).toBe(1);
    clock.advance(seconds(2));
    await provider.getToken();
    expect(endpoint.calls).toBe(2);
  });
});

describe('token response fields', () => {
  it.each(['bearer', 'Bearer', 'BEARER'])('accepts token_type %s', async (tokenType) => {
    const { provider } = setup(300, { token_type: tokenType });
    expect((await provider.getToken()).tokenType).toBe('bearer');
  });

  it('accepts a missing token_type', async () => {
    const { provider } = setup(300, { token_type: undefined });
    expect((await provider.getToken()).tokenType).toBe('bearer');
  });

  it('rejects token_type mac', async () => {
    const { provider } = setup(300, { token_type: 'mac' });
    await expect(provider.getToken()).rejects.toMatchObject({
      code: 'ERR_AUTH_UNEXPECTED_RESPONSE',
      message: expect.stringContaining("token_type 'mac'"),
    });
  });

  it('splits scopes into a list', async () => {
    const { provider } = setup(300, {
      scope: ' fleet:clearance  vehicle:data\tvehicle:eligibility-check ',
    });
    expect((await provider.getToken()).scopes).toEqual([
      'fleet:clearance',
      'vehicle:data',
      'vehicle:eligibility-check',
    ]);
  });

  it('gives an empty list without scope', async () => {
    const { provider } = setup(300, { scope: undefined });
    expect((await provider.getToken()).scopes).toEqual([]);
  });
});

describe('invalidate', () => {
  it('drops the rejected token', async () => {
    const { provider, endpoint } = setup(300);
    const first = await provider.getToken();
    provider.invalidate(first.accessToken);
    expect((await provider.getToken()).accessToken).toBe('token-2');
    expect(endpoint.calls).toBe(2);
  });

  it('keeps a newer token', async () => {
    const { provider, endpoint } = setup(300);
    const first = await provider.getToken();
    provider.invalidate(first.accessToken);
    const second = await provider.getToken();
    // A second request that failed with the old token arrives late.
    provider.invalidate(first.accessToken);
    expect(await provider.getToken()).toBe(second);
    expect(endpoint.calls).toBe(2);
  });

  it('ignores an unknown token', async () => {
    const { provider, endpoint } = setup(300);
    const first = await provider.getToken();
    provider.invalidate('some-other-token');
    expect(await provider.getToken()).toBe(first);
    expect(endpoint.calls).toBe(1);
  });

  it('rejects a non-string argument', () => {
    const { provider } = setup(300);
    expect(() => provider.invalidate(undefined as unknown as string)).toThrow(TypeError);
  });
});
