import { readFileSync } from 'node:fs';
import { type ContractDocument, createContract, type RouteId } from '@hm-sdk/mock-server';
import { openApiDocument } from '@hm-sdk/openapi';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HmClient } from '../src/index.js';
import { type MockHarness, sandboxVin, startHarness } from './support/fixtures.js';
import {
  hasReference,
  loadExamples,
  type ReferenceExample,
  referenceDir,
} from './support/reference-examples.js';

const VIN = sandboxVin(7_001);

/** The mock route and the client call for each reference operation the client covers. */
const operations: Record<string, { route: RouteId; call: (client: HmClient) => Promise<unknown> }> =
  {
    'POST /v1/eligibility': {
      route: 'POST /v1/eligibility',
      call: (client) =>
        client.request('post', '/v1/eligibility', { body: { vin: VIN, brand: 'sandbox' } }),
    },
    'POST /v1/fleets/vehicles': {
      route: 'POST /v1/fleets/vehicles',
      call: (client) =>
        client.request('post', '/v1/fleets/vehicles', {
          body: { vehicles: [{ vin: VIN, brand: 'sandbox' }] },
        }),
    },
    'GET /v1/fleets/vehicles': {
      route: 'GET /v1/fleets/vehicles',
      call: (client) => client.request('get', '/v1/fleets/vehicles'),
    },
    'GET /v1/fleets/vehicles/{vin}': {
      route: 'GET /v1/fleets/vehicles/:vin',
      call: (client) =>
        client.request('get', '/v1/fleets/vehicles/{vin}', { params: { path: { vin: VIN } } }),
    },
    'DELETE /v1/fleets/vehicles/{vin}': {
      route: 'DELETE /v1/fleets/vehicles/:vin',
      call: (client) =>
        client.request('delete', '/v1/fleets/vehicles/{vin}', { params: { path: { vin: VIN } } }),
    },
    'GET /v1/vehicle-data/autoapi-13/{vin}': {
      route: 'GET /v1/vehicle-data/autoapi-13/:vin',
      call: (client) =>
        client.request('get', '/v1/vehicle-data/autoapi-13/{vin}', {
          params: { path: { vin: VIN } },
        }),
    },
  };

function collectExamples(): ReferenceExample[] {
  if (!hasReference) return [];
  const vehicleData = JSON.parse(readFileSync(`${referenceDir}vehicle-data-example.json`, 'utf8'));
  return [
    ...loadExamples('hm-eligibility-v1.yml', ['/v1/eligibility']),
    ...loadExamples('hm-fleet-clearance-v1.yml', [
      '/v1/fleets/vehicles',
      '/v1/fleets/vehicles/{vin}',
    ]),
    ...loadExamples('hm-vehicle-data-api-v1.yml', ['/v1/vehicle-data/autoapi-13/{vin}']),
    {
      file: 'vehicle-data-example.json',
      method: 'GET',
      path: '/v1/vehicle-data/autoapi-13/{vin}',
      status: 200,
      name: 'file',
      body: vehicleData,
    },
  ];
}

/** The error items the client should read from an example body. */
function expectedItems(body: unknown): unknown[] {
  const errors = (body as { errors?: Array<Record<string, string>> }).errors ?? [];
  return errors.map((item) => ({
    title: item.title ?? 'Error',
    ...(item.detail === undefined ? {} : { detail: item.detail }),
    ...(item.source === undefined ? {} : { source: item.source }),
  }));
}

function omitsTitle(body: unknown): boolean {
  const errors = (body as { errors?: Array<{ title?: unknown }> }).errors ?? [];
  return errors.some((item) => typeof item.title !== 'string');
}

const examples = collectExamples();
const contract = createContract(openApiDocument as ContractDocument);

// The reference files live next to the repository, not in it; without them there is nothing to parse.
describe.skipIf(!hasReference)('reference examples through the client', () => {
  let harness: MockHarness;
  let client: HmClient;

  beforeAll(async () => {
    harness = await startHarness();
    client = harness.client({ retry: false });
  });
  afterEach(() => harness.mock.clearFaults());
  afterAll(() => harness.server.close());

  it('finds examples for every covered operation', () => {
    const covered = new Set(examples.map((example) => `${example.method} ${example.path}`));

    expect([...covered].sort()).toEqual(Object.keys(operations).sort());
  });

  it.each(
    examples.map(
      (example) =>
        [`${example.method} ${example.path} ${example.status} ${example.name}`, example] as const,
    ),
  )('%s', async (_, example) => {
    const operation = operations[`${example.method} ${example.path}`];
    if (!operation) throw new Error(`no client call for ${example.method} ${example.path}`);
    // A 401 is replayed once with a new token, so the replay must get the example as well.
    const times = example.status === 401 ? 2 : 1;
    const fault = { type: 'status', status: example.status, body: example.body } as const;
    harness.mock.injectFault(operation.route, fault, { times });

    const result = (await operation.call(client)) as {
      ok: boolean;
      status: number;
      data?: unknown;
      apiError?: { errors: unknown[]; requestId?: string; status: number };
    };

    expect(result.status).toBe(example.status);
    if (example.status < 300) {
      expect(result.ok).toBe(true);
      expect(result.data).toEqual(example.body);
    } else {
      expect(result.ok).toBe(false);
      expect(result.apiError?.errors).toEqual(expectedItems(example.body));
      const requestId = (example.body as { request_id?: string }).request_id;
      if (requestId !== undefined) expect(result.apiError?.requestId).toBe(requestId);
    }
  });

  it('matches the contract the types come from', () => {
    // The reference's 401 example for fleet clearance omits `title`, which its own Error schema
    // requires. The per-example tests show the client still reads it; this check skips it.
    const consistent = examples.filter((example) => !omitsTitle(example.body));
    const mismatches = consistent.flatMap((example) =>
      contract
        .validateResponse({
          method: example.method,
          path: example.path.replace('{vin}', VIN),
          status: example.status,
          contentType: 'application/json',
          body: JSON.stringify(example.body),
        })
        .map((problem) => `${example.file} ${example.name}: ${problem}`),
    );

    expect(mismatches).toEqual([]);
  });
});
