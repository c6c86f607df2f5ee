import type { ClearanceRequestVehicle, ClearanceResponseItem } from '@hm-sdk/openapi';
import type { RunProgress, RunResult } from '../concurrency.js';
import { ResponseParseError } from '../errors/response-errors.js';
import { unwrap } from '../result.js';
import { runConcurrently } from '../runner.js';
import { InvalidVinError, isValidVin } from '../vin.js';
import type { CallOptions, FleetContext } from './context.js';

/** The outcome for one vehicle of {@link FleetHelpers.requestClearance}. */
export type ClearanceRequestOutcome =
  /** The API's response entry: a clearance status, or `error` with a `description` for a bad entry. */
  | ClearanceResponseItem
  /** No response entry for this vehicle, because its batch failed; `error` is the cause. */
  | { vin: string; status: 'failed'; error: Error };

/**
 * The result of {@link FleetHelpers.requestClearance}: one outcome per requested vehicle, in
 * request order.
 */
export interface ClearanceRequestResult {
  /** One outcome per requested vehicle, at the index of that vehicle in the request. */
  vehicles: ClearanceRequestOutcome[];
}

/** Options of `requestClearance`. */
export interface RequestClearanceOptions extends CallOptions {
  /**
   * Vehicles per request. Default 100. The API documents no maximum, so this keeps each body
   * small.
   */
  batchSize?: number;
  /** Batches in flight at once. Default 2; it shrinks by itself after a 429. */
  concurrency?: number;
  /**
   * Called after each batch with counts in vehicles. `succeeded` counts the vehicles with a
   * response entry, `error` entries included, and `failed` those of batches without a response.
   */
  onProgress?: (progress: RunProgress) => void;
  /**
   * What to do with VINs that fail validation: `'throw'` (default) rejects before any request;
   * `'report'` leaves them out of the requests and returns an `error` outcome for each.
   */
  invalidVins?: 'throw' | 'report';
}

interface Entry {
  index: number;
  vehicle: ClearanceRequestVehicle;
}

/**
 * Requests clearance for any number of vehicles in batches and returns one outcome per vehicle,
 * including the API's `error` items and a `failed` outcome for each vehicle of a batch that got
 * no usable response.
 */
export async function requestClearance(
  context: FleetContext,
  vehicles: readonly ClearanceRequestVehicle[],
  options: RequestClearanceOptions = {},
): Promise<ClearanceRequestResult> {
  if (!Array.isArray(vehicles)) {
    throw new TypeError('requestClearance expects an array of { vin, brand } objects.');
  }
  const batchSize = options.batchSize ?? 100;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new TypeError(`Invalid batchSize ${batchSize}: pass a whole number >= 1.`);
  }
  const outcomes: ClearanceRequestOutcome[] = new Array(vehicles.length);
  const entries = validate(vehicles, outcomes, options.invalidVins ?? 'throw');
  const batches: Entry[][] = [];
  for (let start = 0; start < entries.length; start += batchSize) {
    batches.push(entries.slice(start, start + batchSize));
  }
  const progress = createVehicleProgress(entries.length, batchSize, options.onProgress);
  const results = await runConcurrently(batches, (batch) => sendBatch(context, batch, options), {
    concurrency: options.concurrency ?? 2,
    clock: context.clock,
    rateGate: context.gate,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(progress ? { onProgress: progress } : {}),
  });
  for (const result of results) {
    if (result.ok) {
      for (const [index, outcome] of result.value) outcomes[index] = outcome;
    } else {
      const error = result.error instanceof Error ? result.error : new Error(String(result.error));
      for (const { index, vehicle } of result.item) {
        outcomes[index] = { vin: vehicle.vin, status: 'failed', error };
      }
    }
  }
  return { vehicles: outcomes };
}

function validate(
  vehicles: readonly ClearanceRequestVehicle[],
  outcomes: ClearanceRequestOutcome[],
  mode: 'throw' | 'report',
): Entry[] {
  const entries: Entry[] = [];
  vehicles.forEach((vehicle, index) => {
    const vin = (vehicle as { vin?: unknown } | null)?.vin;
    if (isValidVin(vin)) {
      entries.push({ index, vehicle });
      return;
    }
    const error = new InvalidVinError(vin, `vehicle ${index} of ${vehicles.length} is invalid`);
    if (mode === 'throw') throw error;
    outcomes[index] = { vin: String(vin), status: 'error', description: error.message };
  });
  return entries;
}

async function sendBatch(
  context: FleetContext,
  batch: Entry[],
  options: CallOptions,
): Promise<Map<number, ClearanceRequestOutcome>> {
  const result = await context.request('post', '/v1/fleets/vehicles', {
    body: { vehicles: batch.map((entry) => entry.vehicle) },
    ...callOptions(options),
  });
  const entries = unwrap(result).vehicles;
  // Match entries to requests by VIN, in order, so duplicate VINs each get their own entry.
  const byVin = new Map<string, ClearanceResponseItem[]>();
  for (const item of entries) byVin.set(item.vin, [...(byVin.get(item.vin) ?? []), item]);
  const outcomes = new Map<number, ClearanceRequestOutcome>();
  for (const { index, vehicle } of batch) {
    const item = byVin.get(vehicle.vin)?.shift();
    outcomes.set(index, item ?? missingAnswer(vehicle.vin, result.requestId));
  }
  return outcomes;
}

function missingAnswer(vin: string, requestId: string | undefined): ClearanceRequestOutcome {
  const error = new ResponseParseError(
    `The response of POST /v1/fleets/vehicles has no entry for ${vin}. Request the clearance of this VIN again.`,
    'missing-entry',
    { status: 200, contentType: 'application/json', bodyExcerpt: '', requestId },
    { operation: 'POST /v1/fleets/vehicles' },
  );
  return { vin, status: 'failed', error };
}

/** Picks the per-call options to pass on to `client.request`. */
export function callOptions(options: CallOptions): CallOptions {
  const picked: CallOptions = {};
  if (options.signal !== undefined) picked.signal = options.signal;
  if (options.timeoutMs !== undefined) picked.timeoutMs = options.timeoutMs;
  if (options.retry !== undefined) picked.retry = options.retry;
  return picked;
}

/** Turns the run's progress in batches into progress in vehicles. */
function createVehicleProgress(
  total: number,
  batchSize: number,
  onProgress: ((progress: RunProgress) => void) | undefined,
): ((progress: RunProgress, result: RunResult<Entry[], unknown>) => void) | undefined {
  if (!onProgress) return undefined;
  let succeeded = 0;
  let failed = 0;
  return (progress, result) => {
    if (result.ok) succeeded += result.item.length;
    else failed += result.item.length;
    const completed = succeeded + failed;
    onProgress({
      ...progress,
      total,
      completed,
      succeeded,
      failed,
      // Every batch in flight is full except possibly the last one.
      inFlight: Math.min(total - completed, progress.inFlight * batchSize),
    });
  };
}
