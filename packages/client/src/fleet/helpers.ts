import type {
  Clearance,
  ClearanceDeleteResponse,
  ClearanceFilter,
  ClearanceRequestVehicle,
  EligibilityRequest,
  EligibilityResponse,
  VehicleData,
} from '@hm-sdk/openapi';
import type { RunOptions } from '../concurrency.js';
import { unwrap } from '../result.js';
import { assertValidVin } from '../vin.js';
import type { CallOptions, FleetContext } from './context.js';
import { ClearanceFilterBuilder } from './filter.js';
import {
  type ClearanceRequestResult,
  callOptions,
  type RequestClearanceOptions,
  requestClearance,
} from './request-clearance.js';
import { runForVins } from './run-for-vins.js';
import { type WaitForClearanceOptions, waitForClearance } from './wait.js';

/** Options of `runForVins`: those of `runConcurrently` except the clock and the rate gate. */
export interface RunForVinsOptions<Value>
  extends Omit<RunOptions<string, Value>, 'clock' | 'rateGate'> {
  /**
   * Handling of invalid VINs. `'throw'` (the default) rejects the whole run with an
   * `InvalidVinError` before any task starts. `'report'` gives that VIN an `ok: false` result
   * with the `InvalidVinError` and runs the task for the other VINs. `onProgress` then counts
   * only the valid VINs.
   */
  invalidVins?: 'throw' | 'report';
}

/** The outcome for one VIN of `runForVins`. */
export type VinRunResult<Value> =
  | { vin: string; ok: true; value: Value }
  | { vin: string; ok: false; error: unknown };

/**
 * Helpers over the raw typed calls for the common fleet tasks. Each validates VINs before
 * sending anything, and throws an `ApiError` for an HTTP error response.
 */
export interface FleetHelpers {
  /** Checks whether a vehicle can deliver data, and by which delivery methods. */
  checkEligibility(
    request: EligibilityRequest,
    options?: CallOptions,
  ): Promise<EligibilityResponse>;
  /**
   * Requests fleet clearance for any number of vehicles, in batches, and returns one outcome
   * per vehicle in request order.
   */
  requestClearance(
    vehicles: readonly ClearanceRequestVehicle[],
    options?: RequestClearanceOptions,
  ): Promise<ClearanceRequestResult>;
  /** Lists the clearances of the fleet, narrowed by a filter object or builder. */
  listClearances(
    filter?: ClearanceFilter | ClearanceFilterBuilder,
    options?: CallOptions,
  ): Promise<Clearance[]>;
  /** Reads the clearance of one vehicle. */
  getClearance(vin: string, options?: CallOptions): Promise<Clearance>;
  /** Revokes an approved clearance or cancels a pending one. */
  deleteClearance(vin: string, options?: CallOptions): Promise<ClearanceDeleteResponse>;
  /** Polls a clearance until it reaches a status, with a timeout and a change callback. */
  waitForClearance(vin: string, options?: WaitForClearanceOptions): Promise<Clearance>;
  /** Reads the latest data of a vehicle with an approved clearance. */
  getVehicleData(vin: string, options?: CallOptions): Promise<VehicleData>;
  /**
   * Runs `task` for many VINs with limited concurrency that adapts to 429 responses, and returns
   * one result per VIN in input order. Every VIN is validated before the first task starts, and
   * an invalid one rejects the run unless `invalidVins: 'report'` is passed.
   *
   * @example
   * ```ts
   * const results = await client.runForVins(vins, (vin, { signal }) =>
   *   client.getVehicleData(vin, { signal }),
   * );
   * ```
   */
  runForVins<Value>(
    vins: readonly string[],
    task: (vin: string, context: { signal: AbortSignal | undefined }) => Promise<Value>,
    options?: RunForVinsOptions<Value>,
  ): Promise<VinRunResult<Value>[]>;
}

/** Builds the fleet helpers on the client's typed `request`. */
export function createFleetHelpers(context: FleetContext): FleetHelpers {
  const { request } = context;

  const getClearance = async (vin: string, options: CallOptions = {}) => {
    assertValidVin(vin);
    const params = { path: { vin } };
    return unwrap(
      await request('get', '/v1/fleets/vehicles/{vin}', { params, ...callOptions(options) }),
    );
  };

  return {
    async checkEligibility(body, options = {}) {
      assertValidVin(body?.vin);
      // The check only reads, so repeating it after a lost response is safe.
      const init = { body, idempotent: true, ...callOptions(options) };
      return unwrap(await request('post', '/v1/eligibility', init));
    },

    requestClearance: (vehicles, options) => requestClearance(context, vehicles, options),

    async listClearances(filter, options = {}) {
      const query = filter === undefined ? {} : { filter: toFilter(filter) };
      return unwrap(
        await request('get', '/v1/fleets/vehicles', { params: { query }, ...callOptions(options) }),
      );
    },

    getClearance,

    async deleteClearance(vin, options = {}) {
      assertValidVin(vin);
      const params = { path: { vin } };
      return unwrap(
        await request('delete', '/v1/fleets/vehicles/{vin}', { params, ...callOptions(options) }),
      );
    },

    waitForClearance: (vin, options) => waitForClearance(context, getClearance, vin, options),

    async getVehicleData(vin, options = {}) {
      assertValidVin(vin);
      const params = { path: { vin } };
      const init = { params, ...callOptions(options) };
      return unwrap(await request('get', '/v1/vehicle-data/autoapi-13/{vin}', init));
    },

    runForVins: (vins, task, options) => runForVins(context, vins, task, options),
  };
}

/** Returns the filter object, with the VINs of a plain object checked as the builder checks them. */
function toFilter(filter: ClearanceFilter | ClearanceFilterBuilder): ClearanceFilter {
  if (filter instanceof ClearanceFilterBuilder) return filter.build();
  const vinCondition = filter.vin;
  if (vinCondition !== undefined) {
    const values = Array.isArray(vinCondition.value) ? vinCondition.value : [vinCondition.value];
    for (const vin of values) assertValidVin(vin);
  }
  return filter;
}
