import { ApiError } from './api-error.js';
import { HmClientError } from './base.js';
import type { ResponseParseError, UnexpectedContentTypeError } from './response-errors.js';
import type { AbortError, NetworkError, TimeoutError } from './transport-errors.js';
import type { ClearanceSettledError, ClearanceWaitTimeoutError } from './wait-errors.js';
import type { InvalidWebhookError } from './webhook-errors.js';

export { ApiError, type ApiErrorFields, type ApiErrorItem, toApiError } from './api-error.js';
export { HmClientError, type HmClientErrorCode, type HmClientErrorOptions } from './base.js';
export {
  BODY_EXCERPT_LENGTH,
  ResponseParseError,
  type ResponseParseProblem,
  UnexpectedContentTypeError,
  UnusableResponseError,
  type UnusableResponseFields,
} from './response-errors.js';
export { AbortError, NetworkError, TimeoutError } from './transport-errors.js';
export {
  ClearanceSettledError,
  ClearanceWaitTimeoutError,
  type ClearanceWaitTimeoutFields,
} from './wait-errors.js';
export { InvalidWebhookError, type WebhookProblem } from './webhook-errors.js';

/** Union of all concrete error classes, so that `switch (error.code)` narrows the type. */
export type AnyHmClientError =
  | ApiError
  | NetworkError
  | TimeoutError
  | AbortError
  | ResponseParseError
  | UnexpectedContentTypeError
  | ClearanceWaitTimeoutError
  | ClearanceSettledError
  | InvalidWebhookError;

/** Checks whether a value is one of this package's errors, so `error.code` can be switched on. */
export function isHmClientError(value: unknown): value is AnyHmClientError {
  return value instanceof HmClientError;
}

/** Checks whether an error is an HTTP 429 response, which the API sends when a rate limit is exceeded. */
export function isRateLimitError(value: unknown): value is ApiError {
  return value instanceof ApiError && value.status === 429;
}
