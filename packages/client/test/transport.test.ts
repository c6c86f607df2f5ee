import { createTokenProvider, type TokenProvider } from '@hm-sdk/auth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AbortError, ApiError, NetworkError, TimeoutError } from '../src/index.js';
import {
  createRecordingLogger,
  type MockHarness,
  rejectionOf,
  sandboxVin,
  startHarness,
} from './support/fixtures.js';
import { createStepClock } from './support/step-clock.js';

const VIN = sandboxVin(7);
const CLEARANCE_ROUTE = 'GET /v1/fleets/vehicles/:vin';

let harness: MockHarness;

beforeAll(async () => {
  harness = await startHarness();
});
afterEach(() => harness.mock.clearFaults());
afterAll(() => harness.server.close());

function requestsTo(path: string) {
  return harness.mock.requests.filter((entry) => entry.path === path);
}

/** Creates a real token provider for a new app that records every invalidated token. */
function spiedProvider(): { provider: TokenProvider; invalidated: string[] } {
  const real = createTokenProvider({
    credentials: harness.mock.registerApp(),
    baseUrl: harness.server.url,
  });
  const invalidated: string[] = [];
  return {
    invalidated,
    provider: {
      getToken: (options) => real.getToken(options),
      invalidate(token) {
        invalidated.push(token);
        real.invalidate(token);
      },
    },
  };
}

describe('replay after 401', () => {
  it('replays once with a new token and the same body bytes', async () => {
    const { provider, invalidated } = spiedProvider();
    const bodies: string[] = [];
    const client = harness.client({
      credentials: undefined,
      tokenProvider: provider,
      fetch: async (input, init) => {
        if (String(input).endsWith('/v1/eligibility')) {
          const body = init?.body;
          bodies.push(
            typeof body === 'string' ? body : new TextDecoder().decode(body as Uint8Array),
          );
        }
        return fetch(input, init);
      },
    });
    harness.mock.injectFault('POST /v1/eligibility', { type: 'status', status: 401 });

    const result = await client.checkEligibility({ vin: VIN, brand: 'sandbox' });

    expect(result.eligible).toBe(true);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toBe(bodies[0]);
    expect(JSON.parse(bodies[0] ?? '')).toEqual({ vin: VIN, brand: 'sandbox' });
    expect(invalidated).toHaveLength(1);
  });

  it('returns the second 401 instead of looping', async () => {
    const { provider, invalidated } = spiedProvider();
    const client = harness.client({ credentials: undefined, tokenProvider: provider });
    harness.mock.injectFault(CLEARANCE_ROUTE, { type: 'status', status: 401 }, { times: Infinity });
    const before = requestsTo(`/v1/fleets/vehicles/${VIN}`).length;

    const result = await client.request('get', '/v1/fleets/vehicles/{vin}', {
      params: { path: { vin: VIN } },
    });

    expect(result.status).toBe(401);
    expect(result.ok).toBe(false);
    expect(requestsTo(`/v1/fleets/vehicles/${VIN}`).length - before).toBe(2);
    // A 401 for a fresh token has another cause, such as withdrawn consent: keep that token.
    expect(invalidated).toHaveLength(1);
  });

  it('recovers from a token the API considers expired', async () => {
    const manual = await startHarness({ clock: 'manual' });
    try {
      const client = manual.client();
      await client.requestClearance([{ vin: VIN, brand: 'sandbox' }]);
      // By the provider's own clock the token is fresh, but by the mock's it has expired.
      manual.mock.clock.advance(301_000);

      const clearance = await client.getClearance(VIN);

      expect(clearance.status).toBe('approved');
      const statuses = manual.mock.requests
        .filter((entry) => entry.path === `/v1/fleets/vehicles/${VIN}`)
        .map((entry) => entry.status);
      expect(statuses).toEqual([401, 200]);
    } finally {
      await manual.server.close();
    }
  });
});

describe('retries', () => {
  it('retries an idempotent request after a network error', async () => {
    const client = harness.client();
    await client.requestClearance([{ vin: VIN, brand: 'sandbox' }]);
    harness.mock.injectFault(CLEARANCE_ROUTE, { type: 'network-error' });

    const clearance = await client.getClearance(VIN);

    expect(clearance.vin).toBe(VIN);
  });

  it('does not retry a POST after a network error', async () => {
    const client = harness.client();
    harness.mock.injectFault('POST /v1/fleets/vehicles', { type: 'network-error' }, { times: 2 });
    const before = requestsTo('/v1/fleets/vehicles').length;

    const error = await rejectionOf(
      client.request('post', '/v1/fleets/vehicles', {
        body: { vehicles: [{ vin: VIN, brand: 'sandbox' }] },
      }),
    );

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).code).toBe('ERR_CLIENT_NETWORK');
    expect((error as NetworkError).operation).toBe('POST /v1/fleets/vehicles');
    expect(requestsTo('/v1/fleets/vehicles').length - before).toBe(1);
  });

  it('retries a POST marked idempotent after a network error', async () => {
    const client = harness.client();
    harness.mock.injectFault('POST /v1/eligibility', { type: 'network-error' });

    const result = await client.checkEligibility({ vin: VIN, brand: 'sandbox' });

    expect(result.eligible).toBe(true);
  });

  it('retries a 503 on GET but not on POST', async () => {
    const client = harness.client();
    const unavailable = { type: 'status', status: 503, headers: { 'retry-after': '0' } } as const;
    harness.mock.injectFault('GET /v1/fleets/vehicles', unavailable);
    harness.mock.injectFault('POST /v1/fleets/vehicles', unavailable);

    const list = await client.request('get', '/v1/fleets/vehicles');
    const create = await client.request('post', '/v1/fleets/vehicles', {
      body: { vehicles: [{ vin: VIN, brand: 'sandbox' }] },
    });

    expect(list.status).toBe(200);
    expect(create.status).toBe(503);
  });

  it('retries a 429 on POST after Retry-After seconds', async () => {
    const clock = createStepClock();
    const client = harness.client({ clock, random: () => 0 });
    harness.mock.injectFault('POST /v1/fleets/vehicles', {
      type: 'rate-limit',
      retryAfterSeconds: 7,
    });

    const result = await client.requestClearance([{ vin: VIN, brand: 'sandbox' }]);

    expect(result.vehicles[0]?.status).toBe('approved');
    expect(clock.sleeps).toEqual([7_000]);
  });

  it('reads Retry-After as an HTTP date', async () => {
    const clock = createStepClock(Date.parse('2030-01-01T00:00:00Z'));
    const client = harness.client({ clock, random: () => 0 });
    harness.mock.injectFault(CLEARANCE_ROUTE, {
      type: 'status',
      status: 429,
      headers: { 'retry-after': 'Tue, 01 Jan 2030 00:00:09 GMT' },
    });

    await client.getClearance(VIN).catch(() => undefined);

    expect(clock.sleeps).toEqual([9_000]);
  });

  it('returns a 429 whose Retry-After exceeds the maximum wait', async () => {
    const clock = createStepClock();
    const client = harness.client({ clock, retry: { maxRetryAfterMs: 5_000 } });
    harness.mock.injectFault(CLEARANCE_ROUTE, { type: 'rate-limit', retryAfterSeconds: 30 });

    const error = await rejectionOf(client.getClearance(VIN));

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(429);
    expect((error as ApiError).retryAfterMs).toBe(30_000);
    expect(clock.sleeps).toEqual([]);
  });

  it('backs off with jitter between retries and stops after maxAttempts', async () => {
    const clock = createStepClock();
    const client = harness.client({
      clock,
      random: () => 0.5,
      retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 300 },
    });
    harness.mock.injectFault(CLEARANCE_ROUTE, { type: 'status', status: 503 }, { times: Infinity });

    const result = await client.request('get', '/v1/fleets/vehicles/{vin}', {
      params: { path: { vin: VIN } },
    });

    expect(result.status).toBe(503);
    // Ceilings 100, 200 and 300 (capped); half fixed, half scaled by random() = 0.5.
    expect(clock.sleeps).toEqual([75, 150, 225]);
  });

  it('makes concurrent calls wait for a 429 pause', async () => {
    const clock = createStepClock();
    const client = harness.client({ clock, random: () => 0 });
    const events: number[] = [];
    client.onRateLimit((event) => events.push(event.delayMs));
    harness.mock.injectFault(CLEARANCE_ROUTE, { type: 'rate-limit', retryAfterSeconds: 3 });

    await Promise.all(
      [client.getClearance(VIN), client.getClearance(VIN)].map((call) =>
        call.catch(() => undefined),
      ),
    );

    expect(events).toEqual([3_000]);
    expect(clock.sleeps.length).toBeGreaterThanOrEqual(1);
  });
});

describe('timeouts and cancellation', () => {
  it('fails an attempt that exceeds timeoutMs', async () => {
    const client = harness.client({ timeoutMs: 50, retry: false });
    harness.mock.injectFault(CLEARANCE_ROUTE, { type: 'latency', delayMs: 1_000 });

    const error = await rejectionOf(client.getClearance(VIN));

    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).code).toBe('ERR_CLIENT_TIMEOUT');
    expect((error as TimeoutError).timeoutMs).toBe(50);
    expect((error as TimeoutError).message).toContain(
      'GET /v1/fleets/vehicles/{vin} timed out after 50 ms',
    );
  });

  it('retries an idempotent call after a timeout', async () => {
    const client = harness.client();
    await client.requestClearance([{ vin: VIN, brand: 'sandbox' }]);
    harness.mock.injectFault(CLEARANCE_ROUTE, { type: 'latency', delayMs: 1_000 });

    const clearance = await client.getClearance(VIN, { timeoutMs: 100 });

    expect(clearance.vin).toBe(VIN);
  });

  it('takes timeoutMs per call on the raw api', async () => {
    const client = harness.client({ retry: false });
    harness.mock.injectFault(CLEARANCE_ROUTE, { type: 'latency', delayMs: 1_000 });

    const error = await rejectionOf(
      client.api.GET('/v1/fleets/vehicles/{vin}', {
        params: { path: { vin: VIN } },
        timeoutMs: 60,
      }),
    );

    expect((error as TimeoutError).timeoutMs).toBe(60);
  });

  it('turns an abort with the default reason into AbortError', async () => {
    const client = harness.client();
    harness.mock.injectFault(CLEARANCE_ROUTE, { type: 'latency', delayMs: 1_000 });
    const controller = new AbortController();

    const pending = rejectionOf(client.getClearance(VIN, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 30);
    const error = await pending;

    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).code).toBe('ERR_CLIENT_ABORTED');
    expect((error as AbortError).operation).toBe('GET /v1/fleets/vehicles/{vin}');
  });

  it('rejects with a custom abort reason unchanged', async () => {
    const client = harness.client();
    const reason = new Error('the user closed the page');

    const error = await rejectionOf(
      client.getClearance(VIN, { signal: AbortSignal.abort(reason) }),
    );

    expect(error).toBe(reason);
  });

  it('maps an expired AbortSignal.timeout to TimeoutError', async () => {
    const client = harness.client();
    harness.mock.injectFault(CLEARANCE_ROUTE, {
      type: 'status',
      status: 503,
      headers: { 'retry-after': '30' },
    });

    // The client waits 30 s for Retry-After; the signal ends the wait.
    const error = await rejectionOf(client.getClearance(VIN, { signal: AbortSignal.timeout(50) }));

    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBeUndefined();
  });

  it('sends nothing for a signal that is already aborted', async () => {
    const client = harness.client();
    const before = harness.mock.requests.length;

    const error = await rejectionOf(
      client.checkEligibility({ vin: VIN, brand: 'sandbox' }, { signal: AbortSignal.abort() }),
    );

    expect(error).toBeInstanceOf(AbortError);
    expect(harness.mock.requests.length).toBe(before);
  });
});

describe('logging', () => {
  it('logs retries and request summaries without headers', async () => {
    const logger = createRecordingLogger();
    const client = harness.client({ logger });
    await client.requestClearance([{ vin: VIN, brand: 'sandbox' }]);
    harness.mock.injectFault(CLEARANCE_ROUTE, {
      type: 'status',
      status: 503,
      headers: { 'retry-after': '0' },
    });

    await client.getClearance(VIN);

    const retry = logger.entries.find((entry) => entry.level === 'warn');
    expect(retry?.message).toBe('Got HTTP 503; retrying after the pause');
    expect(retry?.fields?.operation).toBe('GET /v1/fleets/vehicles/{vin}');
    const summary = logger.entries.filter((entry) => entry.message === 'Request finished').at(-1);
    expect(summary?.level).toBe('debug');
    expect(summary?.fields).toMatchObject({ status: 200, attempts: 2 });
    expect(JSON.stringify(logger.entries)).not.toMatch(/authorization|bearer/i);
  });
});

describe('raw api replay', () => {
  it('replays the buffered body bytes after a 401', async () => {
    const bodies: Uint8Array[] = [];
    const client = harness.client({
      fetch: async (input, init) => {
        if (String(input).endsWith('/v1/eligibility')) bodies.push(init?.body as Uint8Array);
        return fetch(input, init);
      },
    });
    harness.mock.injectFault('POST /v1/eligibility', { type: 'status', status: 401 });

    const { data } = await client.api.POST('/v1/eligibility', {
      body: { vin: VIN, brand: 'sandbox' },
    });

    expect(data?.eligible).toBe(true);
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toBeInstanceOf(Uint8Array);
    expect(bodies[1]).toEqual(bodies[0]);
  });
});
