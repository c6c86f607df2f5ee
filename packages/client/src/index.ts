export { createHmClient, type HmClient, type HmClientOptions } from './client.js';
export { ApiError, type ApiErrorItem } from './errors.js';
export type { FleetHelpers, WaitForClearanceOptions } from './fleet.js';
export { assertValidVin } from './vin.js';
