/**
 * A stateful mock of the High Mobility API on msw. `createMockApi()` returns the request
 * handlers plus the controls a test needs; `@hm-sdk/mock-server/node` serves them over a real
 * HTTP listener, and `@hm-sdk/mock-server/browser` through a service worker.
 * @packageDocumentation
 */
export type { AccessTokenClaims } from './auth/access-tokens.js';
export { accessTokenLifetimeSeconds } from './auth/access-tokens.js';
export { jwtBearerAssertionType } from './auth/assertion.js';
export type { Brand } from './brands.js';
export { clearanceBrands, eligibilityBrands } from './brands.js';
export type { MockClock } from './clock.js';
export type { RouteId } from './context.js';
export type {
  Contract,
  ContractDocument,
  OperationMatch,
  ResponseToValidate,
} from './contract/contract.js';
export { createContract } from './contract/contract.js';
export type { RefResolver, Schema, ValidationIssue } from './contract/schema-validator.js';
export { createRefResolver, validateSchema } from './contract/schema-validator.js';
export type { Fault } from './faults/fault.js';
export type { FaultTarget } from './faults/fault-queue.js';
export type { RateLimitRule, RateLimitSettings } from './faults/rate-limiter.js';
export { defaultRateLimits } from './faults/rate-limiter.js';
export { builtInScenarios, scenarioHeader } from './faults/scenarios.js';
export { filterFields, filterOperators } from './filter.js';
export { routeIds } from './handlers.js';
export type { MockApi } from './mock-api.js';
export { createMockApi } from './mock-api.js';
export type { MockApiOptions } from './options.js';
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
export type {
  FleetClearanceChangedPayload,
  WebhookDelivery,
  WebhookOptions,
} from './webhooks.js';
export {
  signWebhookBody,
  verifyWebhookSignature,
  webhookDeliveryHeader,
  webhookEventHeader,
  webhookSignatureHeader,
} from './webhooks.js';
