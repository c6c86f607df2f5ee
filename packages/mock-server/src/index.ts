export type { AccessTokenClaims } from './auth/access-tokens.js';
export { accessTokenLifetimeSeconds } from './auth/access-tokens.js';
export { jwtBearerAssertionType } from './auth/assertion.js';
export type { Brand } from './brands.js';
export { clearanceBrands, eligibilityBrands } from './brands.js';
export type { MockClock } from './clock.js';
export type { RouteId } from './context.js';
export { filterFields, filterOperators } from './filter.js';
export type { MockApi, MockApiOptions } from './mock-api.js';
export { createMockApi } from './mock-api.js';
export type { RecordedRequest } from './request-log.js';
export type {
  RegisterAppInput,
  RegisteredApp,
  RegisterPrivateKeyInput,
} from './state/apps.js';
export { defaultScopes } from './state/apps.js';
export type {
  ChangelogEntry,
  ClearanceChange,
  ClearanceOutcome,
  ClearanceRecord,
  ClearanceStatus,
} from './state/clearances.js';
export type { AddVehicleInput, VehicleData } from './state/vehicles.js';
export { sampleVehicleData } from './vehicle-data.js';
