import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, ResponseParseError, UnexpectedContentTypeError } from '../src/index.js';
import { type MockHarness, rejectionOf, sandboxVin, startHarness } from './support/fixtures.js';
import { createStepClock } from './support/step-clock.js';

const VIN = sandboxVin(11);
const CLEARANCE_ROUTE = 'GET /v1/fleets/vehicles/:vin';

let harness: MockHarness;

beforeAll(async () => {
  harness = await startHarness();
});
afterEach(() => harness.mock.clearFaults());
afterAll(() => harness.server.close());

function requestsTo(method: string, path: string): number {
  return harness.mock.requests.filter((entry) => entry.method === method && entry.path === path)
    .length;
}

describe('gateway error retries', () => {
  it('retries an HTML 502 on GET', async () => {
    const client = harness.client();
    await client.requestClearance([{ vin: VIN, brand: 'sandbox' }]);
    harness.mock.injectFault(CLEARANCE_ROUTE, { type: 'html-502' });

    const clearance = await client.getClearance(VIN);

    expect(clearance.vin).toBe(VIN);
  });

  it('retries 502, 503 and 504 on GET', async () => {
    const client = harness.client();
    for (const status of [502, 503, 504]) {
      harness.mock.injectFault(CLEARANCE_ROUTE, { type: 'status', status }, { times: 2 });

      const result = await client.request('get', '/v1/fleets/vehicles/{vin}', {
        params: { path: { vin: VIN } },
      });

      expect(result.status, `after two ${status} responses`).toBe(200);
    }
  });

  it('retries a 504 on DELETE', async () => {
    const client = harness.client();
    await client.requestClearance([{ vin: VIN, brand: 'sandbox' }]);
    harness.mock.injectFault('DELETE /v1/fleets/vehicles/:vin', { type: 'status', status: 504 });

    const result = await client.request('delete', '/v1/fleets/vehicles/{vin}', {
      params: { path: { vin: VIN } },
    });

    expect(result.status).toBe(200);
  });

  it('does not retry a 502 or 504 on POST', async () => {
    const client = harness.client();
    for (const status of [502, 504]) {
      harness.mock.injectFault('POST /v1/fleets/vehicles', { type: 'status', status });
      const before = requestsTo('POST', '/v1/fleets/vehicles');

      const result = await client.request('post', '/v1/fleets/vehicles', {
        body: { vehicles: [{ vin: VIN, brand: 'sandbox' }] },
      });

      expect(result.status).toBe(status);
      expect(requestsTo('POST', '/v1/fleets/vehicles') - before).toBe(1);
      harness.mock.clearFaults();
    }
  });

  it('does not pause other calls after a 502', async () => {
    const clock = createStepClock();
    const client = harness.client({ clock, random: () => 0 });
    const pauses: number[] = [];
    client.onRateLimit((event) => pauses.push(event.status));
    harness.mock.injectFault(CLEARANCE_ROUTE, { type: 'status', status: 502 });

    await client.request('get', '/v1/fleets/vehicles/{vin}', { params: { path: { vin: VIN } } });

    expect(pauses).toEqual([]);
    // Backoff of the first retry with the harness policy: ceiling 1 ms, half of it fixed.
    expect(clock.sleeps).toEqual([0.5]);
  });

  it('waits as long as Retry-After says on a 504', async () => {
    const clock = createStepClock();
    const client = harness.client({ clock, random: () => 0 });
    harness.mock.injectFault(CLEARANCE_ROUTE, {
      type: 'status',
      status: 504,
      headers: { 'retry-after': '4' },
    });

    await client.request('get', '/v1/fleets/vehicles/{vin}', { params: { path: { vin: VIN } } });

    expect(clock.sleeps).toEqual([4_000]);
  });
});

describe('advice in ApiError for 5xx', () => {
  it('counts the attempts after retries ran out', async () => {
    const client = harness.client();
    harness.mock.injectFault(CLEARANCE_ROUTE, { type: 'status', status: 502 }, { times: 3 });

    const error = await rejectionOf(client.getClearance(VIN));

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(502);
    expect((error as ApiError).attempts).toBe(3);
    expect((error as ApiError).message).toContain('The client sent the request 3 times');
  });

  it('warns against resending a POST', async () => {
    const client = harness.client();
    harness.mock.injectFault('POST /v1/fleets/vehicles', { type: 'status', status: 502 });

    const result = await client.request('post', '/v1/fleets/vehicles', {
      body: { vehicles: [{ vin: VIN, brand: 'sandbox' }] },
    });

    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.apiError.message;
    expect(message).toContain('did not retry');
    expect(message).toContain('may have taken effect');
    expect(message).not.toMatch(/retry later/i);
  });

  it('says when the client did not retry a 500', async () => {
    const client = harness.client();
    harness.mock.injectFault(CLEARANCE_ROUTE, { type: 'status', status: 500 });

    const error = await rejectionOf(client.getClearance(VIN));

    expect((error as ApiError).attempts).toBe(1);
    expect((error as ApiError).message).toContain('The client does not retry HTTP 500');
  });
});

describe('advice in unusable-body errors', () => {
  it('counts the attempts for an HTML 502 on GET', async () => {
    const client = harness.client();
    harness.mock.injectFault(CLEARANCE_ROUTE, { type: 'html-502' }, { times: 3 });

    const error = await rejectionOf(client.getClearance(VIN));

    expect(error).toBeInstanceOf(UnexpectedContentTypeError);
    expect((error as UnexpectedContentTypeError).attempts).toBe(3);
    expect((error as Error).message).toContain('The client sent the request 3 times');
  });

  const unusableBodies = [
    ['html-502', UnexpectedContentTypeError],
    ['empty-500', ResponseParseError],
  ] as const;

  for (const [type, errorClass] of unusableBodies) {
    it(`warns against resending a POST after ${type}`, async () => {
      const client = harness.client();
      harness.mock.injectFault('POST /v1/fleets/vehicles', { type });

      const error = await rejectionOf(
        client.request('post', '/v1/fleets/vehicles', {
          body: { vehicles: [{ vin: VIN, brand: 'sandbox' }] },
        }),
      );

      expect(error).toBeInstanceOf(errorClass);
      expect((error as Error).message).toContain('may have taken effect');
      expect((error as Error).message).not.toMatch(/retry later/i);
    });
  }
});
