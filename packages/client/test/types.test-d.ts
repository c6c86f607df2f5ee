import type {
  ApiError as ApiErrorBody,
  Clearance,
  ClearanceFilter,
  EligibilityResponse,
  VehicleData,
} from '@hm-sdk/openapi';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type AnyHmClientError,
  type ApiError,
  type ClearanceRequestOutcome,
  clearanceFilter,
  type HmClient,
  type NetworkError,
} from '../src/index.js';

declare const client: HmClient;
const vin = '2HM00000000000001';

describe('request results', () => {
  it('narrow the error to the schema of the checked status', async () => {
    const result = await client.request('get', '/v1/fleets/vehicles/{vin}', {
      params: { path: { vin } },
    });

    if (!result.ok && result.status === 404) {
      expectTypeOf(result.error).toEqualTypeOf<ApiErrorBody>();
      expectTypeOf(result.apiError).toEqualTypeOf<ApiError>();
    }
    if (result.status === 429) expectTypeOf(result.error).toEqualTypeOf<ApiErrorBody>();
  });

  it('narrow a success to the data schema', async () => {
    const result = await client.request('get', '/v1/fleets/vehicles/{vin}', {
      params: { path: { vin } },
    });

    if (result.ok) {
      expectTypeOf(result.data).toEqualTypeOf<Clearance>();
      expectTypeOf(result.status).toEqualTypeOf<200>();
    }
  });

  it('type an undocumented status as unknown', async () => {
    const result = await client.request('get', '/v1/fleets/vehicles/{vin}', {
      params: { path: { vin } },
    });

    if (result.status === 418) expectTypeOf(result.error).toEqualTypeOf<unknown>();
    if (result.status === 502) expectTypeOf(result.ok).toEqualTypeOf<false>();
  });

  it('accept upper-case methods', async () => {
    const result = await client.request('POST', '/v1/eligibility', {
      body: { vin, brand: 'sandbox' },
    });

    if (result.ok) expectTypeOf(result.data).toEqualTypeOf<EligibilityResponse>();
  });

  it('require the path parameters and a valid body', () => {
    // @ts-expect-error The VIN path parameter is missing.
    void client.request('get', '/v1/fleets/vehicles/{vin}');
    // @ts-expect-error The brand is not one the API accepts.
    void client.request('post', '/v1/eligibility', { body: { vin, brand: 'trabant' } });
    // @ts-expect-error The path does not exist.
    void client.request('get', '/v1/fleets');
  });

  it('take the filter as an object, not a string', () => {
    const filter: ClearanceFilter = { status: { operator: 'eq', value: 'approved' } };
    void client.request('get', '/v1/fleets/vehicles', { params: { query: { filter } } });
    void client.api.GET('/v1/fleets/vehicles', { params: { query: { filter } } });
    // @ts-expect-error A pre-serialised string is not accepted.
    void client.request('get', '/v1/fleets/vehicles', { params: { query: { filter: '{}' } } });
  });

  it('accept per-call options next to params', () => {
    void client.request('get', '/v1/fleets/vehicles/{vin}', {
      params: { path: { vin } },
      timeoutMs: 5_000,
      retry: false,
      signal: AbortSignal.timeout(10_000),
    });
  });
});

describe('fleet helpers', () => {
  it('return the contract types', () => {
    expectTypeOf(client.getClearance).returns.toEqualTypeOf<Promise<Clearance>>();
    expectTypeOf(client.getVehicleData).returns.toEqualTypeOf<Promise<VehicleData>>();
    expectTypeOf(client.listClearances).returns.toEqualTypeOf<Promise<Clearance[]>>();
  });

  it('narrow a clearance outcome by status', () => {
    const outcome = {} as ClearanceRequestOutcome;

    if (outcome.status === 'failed') expectTypeOf(outcome.error).toEqualTypeOf<Error>();
    if (outcome.status === 'error')
      expectTypeOf(outcome.description).toEqualTypeOf<string | undefined>();
  });

  it('offer only the operators each filter field allows', () => {
    clearanceFilter().where('approved_at').lt(new Date());
    clearanceFilter().where('tags').contains({ depot: 'berlin' });
    // @ts-expect-error Tags have no `lt`.
    clearanceFilter().where('tags').lt('x');
    // @ts-expect-error `in` takes a list.
    clearanceFilter().where('status').in('approved');
    // @ts-expect-error Not a clearance status.
    clearanceFilter().where('status').eq('finished');
  });
});

describe('errors', () => {
  it('narrow by code', () => {
    const error = {} as AnyHmClientError;

    if (error.code === 'ERR_CLIENT_API') expectTypeOf(error).toEqualTypeOf<ApiError>();
    if (error.code === 'ERR_CLIENT_NETWORK') expectTypeOf(error).toEqualTypeOf<NetworkError>();
  });
});
