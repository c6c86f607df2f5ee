import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidVinError } from '../src/index.js';
import { type MockHarness, rejectionOf, sandboxVin, startHarness } from './support/fixtures.js';

let harness: MockHarness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.server.close());

describe('runForVins with invalid VINs', () => {
  it('rejects the run by default', async () => {
    const client = harness.client();
    const started: string[] = [];

    const error = await rejectionOf(
      client.runForVins([sandboxVin(21), 'BAD'], async (vin) => {
        started.push(vin);
        return vin;
      }),
    );

    expect(error).toBeInstanceOf(InvalidVinError);
    expect(started).toEqual([]);
  });

  it("returns per-VIN results with invalidVins: 'report'", async () => {
    const client = harness.client();
    const vins = ['BAD', sandboxVin(22), 'EXVETESTVIN000001', sandboxVin(23), sandboxVin(22)];
    const started: string[] = [];

    const results = await client.runForVins(
      vins,
      async (vin) => {
        started.push(vin);
        return vin.slice(-2);
      },
      { invalidVins: 'report' },
    );

    expect(results.map((result) => result.vin)).toEqual(vins);
    expect(results.map((result) => result.ok)).toEqual([false, true, false, true, true]);
    expect(started.sort()).toEqual([sandboxVin(22), sandboxVin(22), sandboxVin(23)]);
    const first = results[0] as { error?: unknown };
    expect(first.error).toBeInstanceOf(InvalidVinError);
    expect(results[1]).toEqual({ vin: sandboxVin(22), ok: true, value: '22' });
    expect(results[3]).toEqual({ vin: sandboxVin(23), ok: true, value: '23' });
  });

  it('keeps task failures next to invalid VINs', async () => {
    const client = harness.client();
    const failure = new Error('task failed');

    const results = await client.runForVins(
      [sandboxVin(24), 'BAD'],
      async () => {
        throw failure;
      },
      { invalidVins: 'report' },
    );

    expect(results[0]).toEqual({ vin: sandboxVin(24), ok: false, error: failure });
    expect(results[1]?.ok).toBe(false);
  });

  it('rejects an unknown invalidVins value', async () => {
    const client = harness.client();
    const options = { invalidVins: 'skip' } as unknown as { invalidVins: 'report' };

    const error = await rejectionOf(client.runForVins([sandboxVin(25)], async () => 1, options));

    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain("pass 'throw' or 'report'");
  });
});
