import type { Client, Middleware } from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLazyApi } from '../src/api/lazy-api.js';
import { AbortError } from '../src/index.js';
import type { ClientPaths } from '../src/paths.js';
import { type MockHarness, sandboxVin, startHarness } from './support/fixtures.js';

type Api = Client<ClientPaths>;

/** A stand-in openapi-fetch client that records which method ran with which arguments. */
function recordingApi(calls: string[]): Api {
  const record =
    (name: string) =>
    async (...args: unknown[]) => {
      calls.push(`${name} ${String(args[0])}`);
      return { data: name };
    };
  return {
    request: record('request'),
    GET: record('GET'),
    PUT: record('PUT'),
    POST: record('POST'),
    DELETE: record('DELETE'),
    OPTIONS: record('OPTIONS'),
    HEAD: record('HEAD'),
    PATCH: record('PATCH'),
    TRACE: record('TRACE'),
    use: (...middleware: Middleware[]) => calls.push(`use ${middleware.length}`),
    eject: (...middleware: Middleware[]) => calls.push(`eject ${middleware.length}`),
  } as unknown as Api;
}

describe('client.api loaded on first use', () => {
  it('does not load openapi-fetch until the first call', async () => {
    let loads = 0;
    const calls: string[] = [];
    const api = createLazyApi(async () => {
      loads += 1;
      return recordingApi(calls);
    });

    expect(loads).toBe(0);
    await api.GET('/v1/fleets/vehicles');
    await api.POST('/v1/eligibility', { body: { vin: sandboxVin(1), brand: 'sandbox' } });

    expect(loads).toBe(1);
    expect(calls).toEqual(['GET /v1/fleets/vehicles', 'POST /v1/eligibility']);
  });

  it('replays early middleware in order', async () => {
    const calls: string[] = [];
    const api = createLazyApi(async () => recordingApi(calls));
    const middleware: Middleware = { onRequest: () => undefined };

    api.use(middleware, middleware);
    api.eject(middleware);
    expect(calls).toEqual([]);
    await api.DELETE('/v1/fleets/vehicles/{vin}', { params: { path: { vin: sandboxVin(2) } } });
    api.use(middleware);

    expect(calls).toEqual(['use 2', 'eject 1', 'DELETE /v1/fleets/vehicles/{vin}', 'use 1']);
  });

  it('rejects invalid middleware at use()', async () => {
    const calls: string[] = [];
    const api = createLazyApi(async () => recordingApi(calls));
    const valid: Middleware = { onRequest: () => undefined };

    expect(() => api.use(valid, {} as Middleware)).toThrow(
      'Invalid middleware object with keys []: pass an object with onRequest, onResponse or onError.',
    );
    expect(() => api.use('x' as unknown as Middleware)).toThrow('Invalid middleware x');
    api.use(valid, undefined as unknown as Middleware);
    await api.GET('/v1/fleets/vehicles');

    expect(calls).toEqual(['use 1', 'GET /v1/fleets/vehicles']);
  });

  it('stops waiting when aborted', async () => {
    let release: () => void = () => undefined;
    const calls: string[] = [];
    const api = createLazyApi(async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return recordingApi(calls);
    });
    const controller = new AbortController();

    const waiting = api.GET('/v1/fleets/vehicles', { signal: controller.signal });
    controller.abort();

    // The load is still held back here, so only the signal can settle the call.
    const error = await waiting.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).message).toBe(
      'GET /v1/fleets/vehicles was aborted by its AbortSignal.',
    );
    await expect(
      api.request('get', '/v1/fleets/vehicles', { signal: AbortSignal.abort() }),
    ).rejects.toThrow('GET /v1/fleets/vehicles was aborted');
    release();
    await api.GET('/v1/fleets/vehicles');
    expect(calls).toEqual(['GET /v1/fleets/vehicles']);
  });

  it('honours a signal from another realm', async () => {
    const api = createLazyApi(() => new Promise<never>(() => undefined));
    // An iframe's AbortSignal and DOMException fail instanceof checks in this realm, so the
    // stand-ins below only have their shape.
    const signal = Object.assign(new EventTarget(), {
      aborted: false,
      reason: undefined as unknown,
    });
    const waiting = api.GET('/v1/fleets/vehicles', { signal: signal as unknown as AbortSignal });
    signal.aborted = true;
    signal.reason = { name: 'AbortError', [Symbol.toStringTag]: 'DOMException' };
    signal.dispatchEvent(new Event('abort'));

    await expect(waiting).rejects.toBeInstanceOf(AbortError);
  });

  it('tries the load again after it failed', async () => {
    let attempt = 0;
    const calls: string[] = [];
    const api = createLazyApi(async () => {
      attempt += 1;
      if (attempt === 1) throw new TypeError('chunk failed to load');
      return recordingApi(calls);
    });

    await expect(api.GET('/v1/fleets/vehicles')).rejects.toThrow('chunk failed to load');
    await expect(api.GET('/v1/fleets/vehicles')).resolves.toEqual({ data: 'GET' });
    expect(attempt).toBe(2);
  });
});

describe('client.api against the mock', () => {
  let harness: MockHarness;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.server.close());

  it('runs early middleware on requests', async () => {
    const client = harness.client();
    const seen: string[] = [];
    client.api.use({
      onRequest({ request }) {
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
        return undefined;
      },
    });

    const { response } = await client.api.POST('/v1/eligibility', {
      body: { vin: sandboxVin(3), brand: 'sandbox' },
    });

    expect(response.status).toBe(200);
    expect(seen).toEqual(['POST /v1/eligibility']);
  });
});
