import { runConcurrently } from '../runner.js';
import { assertValidVin, InvalidVinError } from '../vin.js';
import type { FleetContext } from './context.js';
import type { RunForVinsOptions, VinRunResult } from './helpers.js';

/**
 * Runs `task` for each VIN through {@link runConcurrently} and returns one result per VIN in
 * input order. Invalid VINs either reject the whole run before any task starts, or, with
 * `invalidVins: 'report'`, become `ok: false` results while the valid VINs still run.
 *
 * @throws TypeError when `vins` is not an array.
 * @throws InvalidVinError for the first invalid VIN, unless `invalidVins` is `'report'`.
 */
export async function runForVins<Value>(
  context: FleetContext,
  vins: readonly string[],
  task: (vin: string, taskContext: { signal: AbortSignal | undefined }) => Promise<Value>,
  options: RunForVinsOptions<Value> = {},
): Promise<VinRunResult<Value>[]> {
  if (!Array.isArray(vins)) throw new TypeError('runForVins expects an array of VINs.');
  const { invalidVins = 'throw', ...runOptions } = options;
  if (invalidVins !== 'throw' && invalidVins !== 'report') {
    throw new TypeError(
      `Invalid invalidVins ${JSON.stringify(invalidVins)}: pass 'throw' or 'report'.`,
    );
  }

  const invalidByIndex = new Map<number, InvalidVinError>();
  vins.forEach((vin, index) => {
    try {
      assertValidVin(vin);
    } catch (error) {
      if (invalidVins === 'throw' || !(error instanceof InvalidVinError)) throw error;
      invalidByIndex.set(index, error);
    }
  });

  const validVins = vins.filter((_, index) => !invalidByIndex.has(index));
  const results = await runConcurrently(validVins, (vin, { signal }) => task(vin, { signal }), {
    ...runOptions,
    clock: context.clock,
    rateGate: context.gate,
  });

  // Put the invalid VINs back at their input positions, between the results of the valid ones.
  const merged: VinRunResult<Value>[] = [];
  let next = 0;
  vins.forEach((vin, index) => {
    const invalid = invalidByIndex.get(index);
    if (invalid !== undefined) {
      merged.push({ vin, ok: false, error: invalid });
      return;
    }
    const result = results[next];
    next += 1;
    if (result === undefined) return;
    merged.push(
      result.ok
        ? { vin: result.item, ok: true, value: result.value }
        : { vin: result.item, ok: false, error: result.error },
    );
  });
  return merged;
}
