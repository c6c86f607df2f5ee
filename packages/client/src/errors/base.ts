/** Stable string codes of the errors this package throws, one per error class. */
export type HmClientErrorCode =
  | 'ERR_CLIENT_API'
  | 'ERR_CLIENT_NETWORK'
  | 'ERR_CLIENT_TIMEOUT'
  | 'ERR_CLIENT_ABORTED'
  | 'ERR_CLIENT_RESPONSE_PARSE'
  | 'ERR_CLIENT_UNEXPECTED_CONTENT_TYPE'
  | 'ERR_CLIENT_CLEARANCE_WAIT_TIMEOUT'
  | 'ERR_CLIENT_CLEARANCE_SETTLED'
  | 'ERR_CLIENT_INVALID_WEBHOOK';

/** Options shared by every error class of this package. */
export interface HmClientErrorOptions {
  /** The underlying error. Callers must not pass an object that contains a secret. */
  cause?: unknown;
  /** The operation that failed, as `METHOD /path/template`. */
  operation?: string;
  /** Number of HTTP requests sent for the operation, retries and the replay after a 401 included. */
  attempts?: number;
}

/**
 * Base class of every error `@hm-sdk/client` throws, except the `TypeError`s for invalid
 * arguments such as {@link InvalidVinError}.
 *
 * Branch on `code`, which stays stable across releases, rather than on the message or class
 * name. Errors from the token provider (`@hm-sdk/auth`) pass through unchanged and have their
 * own `ERR_AUTH_*` codes.
 */
export abstract class HmClientError extends Error {
  /** Stable string code of the error class. */
  abstract readonly code: HmClientErrorCode;
  /** The operation that failed, as `METHOD /path/template`, when a request was involved. */
  readonly operation: string | undefined;
  /** Number of HTTP requests sent, or `undefined` when none was sent. */
  readonly attempts: number | undefined;

  constructor(message: string, options: HmClientErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // Each subclass sets `name` as a string literal, because minifiers rename classes and
    // `new.target.name` would then be the shortened name.
    this.name = 'HmClientError';
    this.operation = options.operation;
    this.attempts = options.attempts;
  }
}
