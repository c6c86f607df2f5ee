/**
 * The High Mobility API contract of the SDK: types generated from
 * `openapi/high-mobility.yaml` by openapi-typescript, short aliases for the
 * schemas callers use most, and the document itself as a value.
 *
 * @example
 * ```ts
 * import type { ClearanceStatus, paths } from '@hm-sdk/openapi';
 *
 * type ListQuery = paths['/v1/fleets/vehicles']['get']['parameters']['query'];
 * const done: ClearanceStatus[] = ['approved', 'rejected'];
 * ```
 * @packageDocumentation
 */
import type { components, operations } from './generated/schema.js';

export { openApiDocument } from './generated/document.js';
export type { components, operations, paths } from './generated/schema.js';
export type { OpenApiDocument } from './openapi-document.js';

/** All named schemas of the document, keyed by schema name. */
export type Schemas = components['schemas'];

/** The name of every operation in the document, such as `getClearance`. */
export type OperationId = keyof operations;

/** Vehicle Identification Number. */
export type Vin = Schemas['Vin'];

/** Error body of the resource endpoints: `{ errors: [...], request_id? }`. */
export type ApiError = Schemas['ApiError'];
/** One entry of `ApiError.errors`. */
export type ApiErrorItem = Schemas['ApiErrorItem'];
/** Error body of the token endpoint: `{ error, error_description? }`. */
export type OAuthError = Schemas['OAuthError'];

/** Body of `POST /v1/access_tokens`, with a client secret or a client assertion. */
export type AccessTokenRequest = Schemas['AccessTokenRequest'];
/** Token request that authenticates with the client secret. */
export type ClientSecretTokenRequest = Schemas['ClientSecretTokenRequest'];
/** Token request that authenticates with a signed JWT assertion. */
export type ClientAssertionTokenRequest = Schemas['ClientAssertionTokenRequest'];
/** Successful body of `POST /v1/access_tokens`. */
export type AccessTokenResponse = Schemas['AccessTokenResponse'];

/** Body of `POST /v1/eligibility`. */
export type EligibilityRequest = Schemas['EligibilityRequest'];
/** Successful body of `POST /v1/eligibility`. */
export type EligibilityResponse = Schemas['EligibilityResponse'];
/** Brand names the eligibility check accepts. */
export type EligibilityBrand = Schemas['EligibilityBrand'];
/** Delivery method of vehicle data (`pull` or `push`). */
export type DataDelivery = Schemas['DataDelivery'];
/** Connectivity status reported by the eligibility check. */
export type ConnectivityStatus = Schemas['ConnectivityStatus'];

/** Brand names that fleet clearance accepts. */
export type Brand = Schemas['Brand'];
/** Body of `POST /v1/fleets/vehicles`. */
export type ClearanceRequest = Schemas['ClearanceRequest'];
/** One vehicle in a clearance request. */
export type ClearanceRequestVehicle = Schemas['ClearanceRequestVehicle'];
/** Successful body of `POST /v1/fleets/vehicles`. */
export type ClearanceResponse = Schemas['ClearanceResponse'];
/** The outcome for one vehicle of a clearance request. */
export type ClearanceResponseItem = Schemas['ClearanceResponseItem'];
/** Every clearance status the API reports, including `error`. */
export type ClearanceStatus = Schemas['ClearanceStatus'];
/** Status of a stored clearance: every `ClearanceStatus` except `error`. */
export type ClearanceRecordStatus = Schemas['ClearanceRecordStatus'];
/** The clearance of one vehicle, from `GET /v1/fleets/vehicles/{vin}`. */
export type Clearance = Schemas['Clearance'];
/** One status change in `Clearance.changelog`. */
export type ClearanceChangelogEntry = Schemas['ClearanceChangelogEntry'];
/** Free-form string labels of a vehicle in the fleet. */
export type ClearanceTags = Schemas['ClearanceTags'];
/** Successful body of `GET /v1/fleets/vehicles`. */
export type ClearanceList = Schemas['ClearanceList'];

/** Successful body of `GET /v1/vehicle-data/autoapi-13/{vin}`. */
export type VehicleData = Schemas['VehicleData'];
/** A capability's properties, keyed by property name, for capabilities without detailed types. */
export type VehicleDataCapability = Schemas['VehicleDataCapability'];
/** One value of a property without a detailed type. */
export type VehicleDataProperty = Schemas['VehicleDataProperty'];
/** Reason a vehicle data property has no value. */
export type VehicleDataFailure = Schemas['VehicleDataFailure'];
/** Category of a vehicle data failure, such as `privacy_mode_active`. */
export type VehicleDataFailureReason = Schemas['VehicleDataFailureReason'];
/** Brand spelling of the vehicle data endpoint (`mercedes_benz`). */
export type VehicleDataBrand = Schemas['VehicleDataBrand'];
/** Typed `charging` capability. */
export type ChargingCapability = Schemas['ChargingCapability'];
/** Typed `diagnostics` capability. */
export type DiagnosticsCapability = Schemas['DiagnosticsCapability'];
/** Typed `doors` capability. */
export type DoorsCapability = Schemas['DoorsCapability'];
/** Typed `ignition` capability. */
export type IgnitionCapability = Schemas['IgnitionCapability'];
/** Typed `maintenance` capability. */
export type MaintenanceCapability = Schemas['MaintenanceCapability'];
/** Typed `usage` capability. */
export type UsageCapability = Schemas['UsageCapability'];
/** Typed `vehicle_location` capability. */
export type VehicleLocationCapability = Schemas['VehicleLocationCapability'];

/** Body of `DELETE /v1/access_tokens`. */
export type AccessTokenRevokeRequest = Schemas['AccessTokenRevokeRequest'];
/** Successful body of `DELETE /v1/fleets/vehicles/{vin}`. */
export type ClearanceDeleteResponse = Schemas['ClearanceDeleteResponse'];
/**
 * The filter of `GET /v1/fleets/vehicles`. The `filter` query parameter is a
 * string: send `JSON.stringify(filter)` and let the URL encoding escape it.
 */
export type ClearanceFilter = Schemas['ClearanceFilter'];
/** Body of `POST /v1/telematics_status` (deprecated operation). */
export type TelematicsStatusRequest = Schemas['TelematicsStatusRequest'];
/** Successful body of `POST /v1/telematics_status` (deprecated operation). */
export type TelematicsStatusResponse = Schemas['TelematicsStatusResponse'];
/** Successful body of `GET /v1/vehicle-static-data/{vin}/data`. */
export type VehicleStaticData = Schemas['VehicleStaticData'];
