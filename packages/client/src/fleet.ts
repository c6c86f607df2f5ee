import type { paths } from '@hm-sdk/openapi';
import type { Client } from 'openapi-fetch';
import { toApiError } from './errors.js';
import { assertValidVin } from './vin.js';

type EligibilityRequest =
  paths['/v1/eligibility']['post']['requestBody']['content']['application/json'];
type Eligibility =
  paths['/v1/eligibility']['post']['responses'][200]['content']['application/json'];
type ClearanceRequestVehicle =
  paths['/v1/fleets/vehicles']['post']['requestBody']['content']['application/json']['vehicles'][number];
type ClearanceRequestResult =
  paths['/v1/fleets/vehicles']['post']['responses'][200]['content']['application/json'];
type Clearance =
  paths['/v1/fleets/vehicles/{vin}']['get']['responses'][200]['content']['application/json'];
type ClearanceStatus = Clearance['status'];
type VehicleData =
  paths['/v1/vehicle-data/autoapi-13/{vin}']['get']['responses'][200]['content']['application/json'];

/** Options for {@link FleetHelpers.waitForClearance}. */
export interface WaitForClearanceOptions {
  /** The status to wait for; `approved` by default. */
  until?: ClearanceStatus;
  /** How long to wait before failing, in milliseconds; 60,000 by default. */
  timeoutMs?: number;
  /** How often to poll, in milliseconds; 1,000 by default. */
  intervalMs?: number;
  /** Called with the clearance each time its status changes. */
  onChange?: (clearance: Clearance) => void;
  /** Cancels the wait. */
  signal?: AbortSignal;
}

/** Helpers over the raw typed calls for the common fleet tasks. */
export interface FleetHelpers {
  /** Checks whether a vehicle can be connected, and how its data would be delivered. */
  checkEligibility(request: EligibilityRequest): Promise<Eligibility>;
  /** Requests fleet clearance for vehicles and returns the API's answer for each VIN. */
  requestClearance(vehicles: ClearanceRequestVehicle[]): Promise<ClearanceRequestResult>;
  /** Reads the clearance of one vehicle. */
  getClearance(vin: string): Promise<Clearance>;
  /** Polls a clearance until it reaches a status, and rejects when it times out. */
  waitForClearance(vin: string, options?: WaitForClearanceOptions): Promise<Clearance>;
  /** Reads the latest vehicle data of a cleared vehicle. */
  getVehicleData(vin: string): Promise<VehicleData>;
}

/** Builds the fleet helpers on an openapi-fetch client. */
export function createFleetHelpers(api: Client<paths>): FleetHelpers {
  const getClearance = async (vin: string): Promise<Clearance> => {
    assertValidVin(vin);
    const { data, error, response } = await api.GET('/v1/fleets/vehicles/{vin}', {
      params: { path: { vin } },
    });
    if (data === undefined)
      throw toApiError('GET /v1/fleets/vehicles/{vin}', response.status, error);
    return data;
  };

  return {
    async checkEligibility(request) {
      assertValidVin(request.vin);
      const { data, error, response } = await api.POST('/v1/eligibility', { body: request });
      if (data === undefined) throw toApiError('POST /v1/eligibility', response.status, error);
      return data;
    },

    async requestClearance(vehicles) {
      for (const vehicle of vehicles) assertValidVin(vehicle.vin);
      const { data, error, response } = await api.POST('/v1/fleets/vehicles', {
        body: { vehicles },
      });
      if (data === undefined) throw toApiError('POST /v1/fleets/vehicles', response.status, error);
      return data;
    },

    getClearance,

    async waitForClearance(vin, options = {}) {
      const until = options.until ?? 'approved';
      const deadline = Date.now() + (options.timeoutMs ?? 60_000);
      let lastStatus: ClearanceStatus | undefined;
      for (;;) {
        options.signal?.throwIfAborted();
        const clearance = await getClearance(vin);
        if (clearance.status !== lastStatus) {
          lastStatus = clearance.status;
          options.onChange?.(clearance);
        }
        if (clearance.status === until) return clearance;
        if (Date.now() >= deadline) {
          throw new Error(
            `Timed out waiting for the clearance of ${vin} to become ${until}: ` +
              `it is still ${clearance.status}. Raise timeoutMs or check the clearance later.`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1000));
      }
    },

    async getVehicleData(vin) {
      assertValidVin(vin);
      const { data, error, response } = await api.GET('/v1/vehicle-data/autoapi-13/{vin}', {
        params: { path: { vin } },
      });
      if (data === undefined) {
        throw toApiError('GET /v1/vehicle-data/autoapi-13/{vin}', response.status, error);
      }
      return data;
    },
  };
}
