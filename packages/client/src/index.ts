/**
 * Typed client for the High Mobility API, generated from the project's OpenAPI contract:
 * bearer tokens, retries, timeouts, typed results and errors, fleet helpers and a rate-aware
 * concurrent runner. It uses only `fetch` and Web Crypto, so it runs in Node 20+, browsers and
 * edge runtimes. Webhook verification has its own entry, `@hm-sdk/client/webhooks`.
 * @packageDocumentation
 */
export { createHmClient, type HmClient } from './client.js';
export { type Clock, systemClock } from './clock.js';
export type { RunOptions, RunProgress, RunResult, TaskContext } from './concurrency.js';
export {
  AbortError,
  type AnyHmClientError,
  ApiError,
  type ApiErrorFields,
  type ApiErrorItem,
  BODY_EXCERPT_LENGTH,
  ClearanceSettledError,
  ClearanceWaitTimeoutError,
  type ClearanceWaitTimeoutFields,
  HmClientError,
  type HmClientErrorCode,
  type HmClientErrorOptions,
  InvalidWebhookError,
  isHmClientError,
  isRateLimitError,
  NetworkError,
  ResponseParseError,
  type ResponseParseProblem,
  TimeoutError,
  UnexpectedContentTypeError,
  UnusableResponseError,
  type UnusableResponseFields,
  type WebhookProblem,
} from './errors/index.js';
export type { CallOptions } from './fleet/context.js';
export {
  ClearanceFilterBuilder,
  type ClearanceFilterField,
  type ConditionBuilder,
  type Conditions,
  clearanceFilter,
  type DateField,
  type InputOf,
  type OperatorOf,
  type ValueOf,
} from './fleet/filter.js';
export type { FleetHelpers, RunForVinsOptions, VinRunResult } from './fleet/helpers.js';
export type {
  ClearanceRequestOutcome,
  ClearanceRequestResult,
  RequestClearanceOptions,
} from './fleet/request-clearance.js';
export type { WaitForClearanceOptions } from './fleet/wait.js';
export type { HmClientOptions } from './options.js';
export { type ClientPaths, type ListClearances, serializeQuery } from './paths.js';
export {
  type Digit,
  type DocumentedResult,
  type DocumentedStatus,
  type HmFailure,
  type HmRequestMethod,
  type HmResult,
  type HmSuccess,
  type HttpStatus,
  type InitArgument,
  type InitOf,
  type JsonBodyOf,
  type MethodName,
  type OperationOf,
  type RequiredKeys,
  type ResponsesOf,
  type SuccessStatus,
  type ToNumber,
  unwrap,
} from './result.js';
export { runConcurrently } from './runner.js';
export type { RateGate, RateLimitEvent } from './transport/rate-gate.js';
export type { HmRequestOptions } from './transport/request-options.js';
export { parseRetryAfter, type RetryOptions, type RetryPolicy } from './transport/retry.js';
export { SDK_NAME, SDK_VERSION } from './version.js';
export { assertValidVin, InvalidVinError, isValidVin } from './vin.js';
