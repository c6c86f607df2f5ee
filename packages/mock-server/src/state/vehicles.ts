import type { ClearanceOutcome } from './clearances.js';

/** Vehicle data in the Auto API 13 shape: capability, then property, then a list of values. */
export type VehicleData = Record<string, Record<string, unknown[]>>;

/** Input of `MockApi.addVehicle`. */
export interface AddVehicleInput {
  /** Vehicle identification number (17 characters). */
  vin: string;
  /** Brand as the API spells it, for example `'mercedes-benz'` or `'sandbox'`. */
  brand: string;
  /** Result of the eligibility check; defaults to true. */
  eligible?: boolean;
  /** `data_delivery` in the eligibility result; defaults to `['pull', 'push']` when eligible. */
  dataDelivery?: Array<'pull' | 'push'>;
  /** `connectivity_status` in the eligibility result; omitted when not set. */
  connectivityStatus?: 'activated' | 'deactivated' | 'unknown';
  /** `primary_user_assigned` in the eligibility result; omitted when not set. */
  primaryUserAssigned?: boolean;
  /**
   * Outcome of a clearance request for this vehicle. Defaults to approval after the mock's
   * `approvalDelayMs` when eligible, and rejection after that delay when not.
   */
  clearance?: ClearanceOutcome;
  /** Vehicle data served once the clearance is approved; defaults to a sample with several capabilities. */
  data?: VehicleData;
}

/** A vehicle as the mock stores it. */
export interface VehicleRecord {
  vin: string;
  brand: string;
  eligible: boolean;
  dataDelivery: Array<'pull' | 'push'>;
  connectivityStatus?: 'activated' | 'deactivated' | 'unknown';
  primaryUserAssigned?: boolean;
  clearance?: ClearanceOutcome;
  data?: VehicleData;
}

/** Registry of vehicles the test added; one per mock instance. */
export class VehicleRegistry {
  readonly #vehicles = new Map<string, VehicleRecord>();

  add(input: AddVehicleInput): VehicleRecord {
    if (typeof input.vin !== 'string' || input.vin.length === 0) {
      throw new TypeError('Invalid vehicle: vin must be a non-empty string.');
    }
    const eligible = input.eligible ?? true;
    const record: VehicleRecord = {
      vin: input.vin,
      brand: input.brand,
      eligible,
      dataDelivery: input.dataDelivery ?? (eligible ? ['pull', 'push'] : []),
    };
    if (input.connectivityStatus !== undefined)
      record.connectivityStatus = input.connectivityStatus;
    if (input.primaryUserAssigned !== undefined)
      record.primaryUserAssigned = input.primaryUserAssigned;
    if (input.clearance !== undefined) record.clearance = input.clearance;
    if (input.data !== undefined) record.data = input.data;
    this.#vehicles.set(input.vin, record);
    return record;
  }

  get(vin: string): VehicleRecord | undefined {
    return this.#vehicles.get(vin);
  }

  clear(): void {
    this.#vehicles.clear();
  }
}
