import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  ClearanceSettledError,
  ClearanceWaitTimeoutError,
  type HmClient,
  InvalidVinError,
  type RunProgress,
} from '../src/index.js';
import { type MockHarness, rejectionOf, sandboxVin, startHarness } from './support/fixtures.js';

let harness: MockHarness;
let client: HmClient;

beforeAll(async () => {
  harness = await startHarness();
  client = harness.client();
});
afterAll(() => harness.server.close());

function postsToClearances(): number {
  return harness.mock.requests.filter(
    (entry) => entry.method === 'POST' && entry.path === '/v1/fleets/vehicles',
  ).length;
}

describe('checkEligibility', () => {
  it('reports a vehicle the mock marks ineligible', async () => {
    const vin = sandboxVin(100);
    harness.mock.addVehicle({ vin, brand: 'bmw', eligible: false });

    const result = await client.checkEligibility({ vin, brand: 'bmw' });

    expect(result.eligible).toBe(false);
  });

  it('names the invalid VIN', async () => {
    const error = await rejectionOf(
      client.checkEligibility({ vin: '2HM0000000000000O', brand: 'sandbox' }),
    );

    expect(error).toBeInstanceOf(InvalidVinError);
    expect((error as InvalidVinError).vin).toBe('2HM0000000000000O');
    expect((error as InvalidVinError).message).toContain('contains I, O or Q');
  });
});

describe('requestClearance', () => {
  it('sends batches and keeps the request order', async () => {
    const vehicles = Array.from({ length: 250 }, (_, index) => ({
      vin: sandboxVin(1_000 + index),
      brand: 'sandbox' as const,
    }));
    const before = postsToClearances();

    const result = await client.requestClearance(vehicles, { batchSize: 100 });

    expect(postsToClearances() - before).toBe(3);
    expect(result.vehicles.map((outcome) => outcome.vin)).toEqual(
      vehicles.map((vehicle) => vehicle.vin),
    );
    expect(new Set(result.vehicles.map((outcome) => outcome.status))).toEqual(
      new Set(['approved']),
    );
  });

  it("returns the API's error items per VIN", async () => {
    const result = await client.requestClearance([
      { vin: sandboxVin(2_000), brand: 'sandbox' },
      { vin: sandboxVin(2_001), brand: 'not-a-brand' as 'sandbox' },
    ]);

    expect(result.vehicles[0]?.status).toBe('approved');
    expect(result.vehicles[1]).toEqual({
      vin: sandboxVin(2_001),
      status: 'error',
      description: 'The brand is invalid',
    });
  });

  it('throws for an invalid VIN before sending anything', async () => {
    const before = postsToClearances();

    const error = await rejectionOf(
      client.requestClearance([
        { vin: sandboxVin(2_100), brand: 'sandbox' },
        { vin: 'SHORTVIN', brand: 'sandbox' },
      ]),
    );

    expect(error).toBeInstanceOf(InvalidVinError);
    expect((error as Error).message).toContain('"SHORTVIN"');
    expect((error as Error).message).toContain('vehicle 1 of 2');
    expect(postsToClearances()).toBe(before);
  });

  it('reports invalid VINs as error outcomes when asked', async () => {
    const result = await client.requestClearance(
      [
        { vin: 'SHORTVIN', brand: 'sandbox' },
        { vin: sandboxVin(2_200), brand: 'sandbox' },
      ],
      { invalidVins: 'report' },
    );

    expect(result.vehicles[0]?.status).toBe('error');
    expect(result.vehicles[0]?.vin).toBe('SHORTVIN');
    expect(result.vehicles[1]?.status).toBe('approved');
  });

  it('marks every vehicle of a failed batch as failed', async () => {
    const vehicles = [2_300, 2_301, 2_302, 2_303].map((n) => ({
      vin: sandboxVin(n),
      brand: 'sandbox' as const,
    }));
    harness.mock.injectFault('POST /v1/fleets/vehicles', { type: 'status', status: 500 });

    const result = await client.requestClearance(vehicles, { batchSize: 2, concurrency: 1 });

    const statuses = result.vehicles.map((outcome) => outcome.status);
    expect(statuses).toEqual(['failed', 'failed', 'approved', 'approved']);
    const failed = result.vehicles[0];
    if (failed?.status !== 'failed') throw new Error('expected a failed outcome');
    expect(failed.error).toBeInstanceOf(ApiError);
    expect((failed.error as ApiError).status).toBe(500);
  });

  it('gives duplicate VINs one entry each', async () => {
    const vin = sandboxVin(2_400);

    const result = await client.requestClearance([
      { vin, brand: 'sandbox' },
      { vin, brand: 'sandbox' },
    ]);

    expect(result.vehicles).toHaveLength(2);
    expect(result.vehicles.every((outcome) => outcome.vin === vin)).toBe(true);
  });

  it('reports progress in vehicles', async () => {
    const vehicles = Array.from({ length: 25 }, (_, index) => ({
      vin: sandboxVin(2_500 + index),
      brand: 'sandbox' as const,
    }));
    const reports: RunProgress[] = [];

    await client.requestClearance(vehicles, {
      batchSize: 10,
      onProgress: (progress) => reports.push(progress),
    });

    const completed = reports.map((progress) => progress.completed);
    const steps = completed.map((value, index) => value - (completed[index - 1] ?? 0));
    expect(steps.sort((a, b) => a - b)).toEqual([5, 10, 10]);
    expect(reports.at(-1)?.completed).toBe(25);
    expect(reports.at(-1)?.succeeded).toBe(25);
    expect(reports.at(-1)?.failed).toBe(0);
    expect(reports.every((progress) => progress.total === 25)).toBe(true);
  });
});

describe('clearance reads and deletion', () => {
  it('gets, deletes and then conflicts', async () => {
    // A slow revocation keeps the clearance in `revoking` for the second delete.
    const slow = await startHarness({ transitionDelayMs: 60_000 });
    try {
      const slowClient = slow.client();
      const vin = sandboxVin(3_000);
      await slowClient.requestClearance([{ vin, brand: 'sandbox' }]);

      const clearance = await slowClient.getClearance(vin);
      const deleted = await slowClient.deleteClearance(vin);
      const conflict = await rejectionOf(slowClient.deleteClearance(vin));

      expect(clearance.status).toBe('approved');
      expect(deleted.status).toBe('revoking');
      expect(conflict).toBeInstanceOf(ApiError);
      expect((conflict as ApiError).status).toBe(409);
      expect((conflict as ApiError).errors[0]?.detail).toBe('Clearance is in transition mode');
    } finally {
      await slow.server.close();
    }
  });

  it('rejects vehicle data without approval', async () => {
    const vin = sandboxVin(3_100);

    const error = await rejectionOf(client.getVehicleData(vin));

    expect((error as ApiError).status).toBe(403);
    expect((error as ApiError).errors[0]?.detail).toBe('No active consent for this vehicle');
  });
});

describe('waitForClearance', () => {
  it('reports each status change once', async () => {
    const slow = await startHarness({ approvalDelayMs: 100 });
    try {
      const slowClient = slow.client();
      const vin = sandboxVin(4_000);
      await slowClient.requestClearance([{ vin, brand: 'sandbox' }]);
      const seen: string[] = [];

      const approved = await slowClient.waitForClearance(vin, {
        intervalMs: 10,
        onChange: (clearance) => seen.push(clearance.status),
      });

      expect(approved.status).toBe('approved');
      expect(seen).toEqual(['pending', 'approved']);
    } finally {
      await slow.server.close();
    }
  });

  it('times out with the last status', async () => {
    const vin = sandboxVin(4_100);
    harness.mock.setClearanceStatus(vin, 'pending');

    const error = await rejectionOf(
      client.waitForClearance(vin, { timeoutMs: 50, intervalMs: 10 }),
    );

    expect(error).toBeInstanceOf(ClearanceWaitTimeoutError);
    expect((error as ClearanceWaitTimeoutError).lastStatus).toBe('pending');
    expect((error as ClearanceWaitTimeoutError).code).toBe('ERR_CLIENT_CLEARANCE_WAIT_TIMEOUT');
  });

  it('fails when the clearance settles elsewhere', async () => {
    const vin = sandboxVin(4_200);
    harness.mock.setClearanceOutcome(vin, { status: 'rejected', reason: 'Owner declined' });
    await client.requestClearance([{ vin, brand: 'sandbox' }]);

    const error = await rejectionOf(client.waitForClearance(vin, { intervalMs: 10 }));

    expect(error).toBeInstanceOf(ClearanceSettledError);
    expect((error as ClearanceSettledError).status).toBe('rejected');
    expect((error as ClearanceSettledError).reason).toBe('Owner declined');
  });

  it('waits for any of several statuses', async () => {
    const vin = sandboxVin(4_300);
    harness.mock.setClearanceOutcome(vin, { status: 'rejected' });
    await client.requestClearance([{ vin, brand: 'sandbox' }]);

    const settled = await client.waitForClearance(vin, {
      until: ['approved', 'rejected'],
      intervalMs: 10,
    });

    expect(settled.status).toBe('rejected');
  });

  it('rethrows a reason passed to abort from onChange', async () => {
    const vin = sandboxVin(4_400);
    harness.mock.setClearanceStatus(vin, 'pending');
    const stop = new AbortController();
    const reason = new Error('stop watching');

    const error = await rejectionOf(
      client.waitForClearance(vin, { signal: stop.signal, onChange: () => stop.abort(reason) }),
    );

    expect(error).toBe(reason);
  });
});
