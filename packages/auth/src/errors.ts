/** Stable string codes of the errors this package throws, one per error class. */
export type HmAuthErrorCode =
  | 'ERR_AUTH_INVALID_CREDENTIALS'
  | 'ERR_AUTH_INVALID_PRIVATE_KEY'
  | 'ERR_AUTH_OAUTH'
  | 'ERR_AUTH_UNEXPECTED_RESPONSE'
  | 'ERR_AUTH_TIMEOUT'
  | 'ERR_AUTH_NETWORK';

/** Options shared by every error class of this package. */
export interface HmAuthErrorOptions {
  /** The underlying error. Callers must not pass an object that contains a secret. */
  cause?: unknown;
  /** Number of HTTP attempts made before the error was thrown, when a request was involved. */
  attempts?: number;
}

/**
 * Base class of every error thrown by `@hm-sdk/auth`.
 *
 * Branch on `code`, which stays stable across releases, rather than on the message. Narrow to
 * a subclass with `switch (error.code)` on an {@link AnyHmAuthError}.
 */
export abstract class HmAuthError extends Error {
  /** Stable string code of the error class. */
  abstract readonly code: HmAuthErrorCode;
  /** Whether repeating the same call later may succeed without changing the input. */
  abstract readonly retryable: boolean;
  /** Number of HTTP attempts made, or `undefined` when no request was sent. */
  readonly attempts: number | undefined;

  constructor(message: string, options: HmAuthErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // Subclasses set `name` as a string literal, because minifiers rename classes.
    this.name = 'HmAuthError';
    this.attempts = options.attempts;
  }
}

/** A credentials input or credentials JSON is missing a field or has a field of the wrong type. */
export class InvalidCredentialsError extends HmAuthError {
  override readonly name = 'InvalidCredentialsError';
  readonly code = 'ERR_AUTH_INVALID_CREDENTIALS';
  readonly retryable = false;
  /** Name of the offending field, such as `clientId` or `private_key`, when one field is at fault. */
  readonly field: string | undefined;

  constructor(message: string, options: HmAuthErrorOptions & { field?: string } = {}) {
    super(message, options);
    this.field = options.field;
  }
}

/**
 * Kind of unusable private key that {@link InvalidPrivateKeyError} found: the key type, or
 * the way the input is damaged.
 */
export type PrivateKeyProblem =
  | 'rsa'
  | 'wrong-curve'
  | 'ed25519'
  | 'other-algorithm'
  | 'public-key'
  | 'encrypted'
  | 'malformed'
  | 'truncated'
  | 'unsupported-format'
  | 'wrong-usage';

/** The private key cannot sign ES256 assertions: wrong key type, a public key, or damaged data. */
export class InvalidPrivateKeyError extends HmAuthError {
  override readonly name = 'InvalidPrivateKeyError';
  readonly code = 'ERR_AUTH_INVALID_PRIVATE_KEY';
  readonly retryable = false;
  /** Kind of key or damage found in place of a usable EC P-256 private key. */
  readonly problem: PrivateKeyProblem;

  constructor(message: string, problem: PrivateKeyProblem, options: HmAuthErrorOptions = {}) {
    super(message, options);
    this.problem = problem;
  }
}

// The key error helpers sit here, not in credentials/, because both the check that runs when
// credentials are created and the private key code that loads on demand use them. Each chunk
// that loads on demand imports this module, and nothing else of the main entry.

/** Advice on getting a usable key, appended to every key error. */
const HOW_TO_GET_ONE =
  'ES256 signing needs an EC P-256 private key: use the private_key of the credentials JSON ' +
  'that the High Mobility console offers for download, or pass a P-256 key as a PKCS#8 PEM, ' +
  "a SEC1 'EC PRIVATE KEY' PEM, a JWK or a CryptoKey.";

/** Builds an {@link InvalidPrivateKeyError} whose message ends with how to get a usable key. */
export function keyError(
  problem: PrivateKeyProblem,
  found: string,
  options: { fix?: string; cause?: unknown } = {},
): InvalidPrivateKeyError {
  const fix = options.fix === undefined ? '' : ` ${options.fix}`;
  return new InvalidPrivateKeyError(`${found}${fix} ${HOW_TO_GET_ONE}`, problem, {
    cause: options.cause,
  });
}

/**
 * Checks the type of a private key input: a non-empty string, or an object (a JWK or a
 * `CryptoKey`). It runs when credentials are created; the content is checked when the key is
 * first used, or by `checkCredentials`.
 *
 * @throws InvalidPrivateKeyError for any other value.
 */
export function checkPrivateKeyType(input: unknown): void {
  if (typeof input === 'string') {
    if (input.trim() === '') throw keyError('malformed', 'The privateKey is an empty string.');
    return;
  }
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
    throw keyError(
      'unsupported-format',
      `The privateKey is binary data (${input.byteLength} bytes).`,
      {
        fix: 'Pass the key as PEM text (for DER bytes, their base64 between the PEM lines), a JWK object or a CryptoKey.',
      },
    );
  }
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) return;
  const found = input === null ? 'null' : Array.isArray(input) ? 'an array' : `a ${typeof input}`;
  throw keyError('unsupported-format', `The privateKey is ${found}.`, {
    fix: 'Pass a PEM string, a JWK object or a CryptoKey.',
  });
}

/** Fields of an OAuth 2.0 error response (RFC 6749, section 5.2). */
export interface OAuthErrorFields {
  /** HTTP status of the response. */
  status: number;
  /** OAuth error code such as `invalid_request`. */
  error: string;
  /** Human-readable description from the server, if any. */
  error_description: string | undefined;
  /** Delay the server asked for in `Retry-After`, in milliseconds, if any. */
  retryAfterMs?: number | undefined;
}

/** The token endpoint rejected the request with an OAuth error body. */
export class OAuthError extends HmAuthError {
  override readonly name = 'OAuthError';
  readonly code = 'ERR_AUTH_OAUTH';
  readonly retryable: boolean;
  /** HTTP status of the response. */
  readonly status: number;
  /** OAuth error code such as `invalid_request`, with any secret or JWT in it masked. */
  readonly error: string;
  /** Description from the server with any secret or JWT masked, or `undefined` when absent. */
  readonly error_description: string | undefined;
  /** Delay the server asked for in `Retry-After`, in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, fields: OAuthErrorFields, options: HmAuthErrorOptions = {}) {
    super(message, options);
    this.status = fields.status;
    this.error = fields.error;
    this.error_description = fields.error_description;
    this.retryAfterMs = fields.retryAfterMs;
    this.retryable = isRetryableStatus(fields.status);
  }
}

/** Fields of a response that was not a usable token or OAuth error. */
export interface UnexpectedResponseFields {
  /** HTTP status of the response. */
  status: number;
  /** `Content-Type` header of the response, if any. */
  contentType: string | undefined;
  /** Start of the body with tags and secrets removed, at most 200 characters; `''` when hidden. */
  bodyExcerpt: string;
  /** Delay the server asked for in `Retry-After`, in milliseconds, if any. */
  retryAfterMs?: number | undefined;
}

/**
 * The token endpoint returned something other than a token or an OAuth error, such as an HTML
 * error page from a proxy, a body that is not JSON, or a token response with invalid fields.
 */
export class UnexpectedResponseError extends HmAuthError {
  override readonly name = 'UnexpectedResponseError';
  readonly code = 'ERR_AUTH_UNEXPECTED_RESPONSE';
  readonly retryable: boolean;
  /** HTTP status of the response. */
  readonly status: number;
  /** `Content-Type` header of the response, if any. */
  readonly contentType: string | undefined;
  /** Start of the body with tags and secrets removed, at most 200 characters. */
  readonly bodyExcerpt: string;
  /** Delay the server asked for in `Retry-After`, in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, fields: UnexpectedResponseFields, options: HmAuthErrorOptions = {}) {
    super(message, options);
    this.status = fields.status;
    this.contentType = fields.contentType;
    this.bodyExcerpt = fields.bodyExcerpt;
    this.retryAfterMs = fields.retryAfterMs;
    this.retryable = isRetryableStatus(fields.status);
  }
}

/** A token request attempt did not complete within the configured timeout. */
export class TimeoutError extends HmAuthError {
  override readonly name = 'TimeoutError';
  readonly code = 'ERR_AUTH_TIMEOUT';
  readonly retryable = true;
  /** The timeout that expired, in milliseconds. */
  readonly timeoutMs: number;

  constructor(message: string, timeoutMs: number, options: HmAuthErrorOptions = {}) {
    super(message, options);
    this.timeoutMs = timeoutMs;
  }
}

/** The token request failed before a response arrived: DNS, connection refused, reset, TLS. */
export class NetworkError extends HmAuthError {
  override readonly name = 'NetworkError';
  readonly code = 'ERR_AUTH_NETWORK';
  readonly retryable = true;
}

/** Union of all concrete error classes, so that `switch (error.code)` narrows the type. */
export type AnyHmAuthError =
  | InvalidCredentialsError
  | InvalidPrivateKeyError
  | OAuthError
  | UnexpectedResponseError
  | TimeoutError
  | NetworkError;

/** Checks whether a value is one of this package's errors, so `error.code` can be switched on. */
export function isHmAuthError(value: unknown): value is AnyHmAuthError {
  return value instanceof HmAuthError;
}

/** Checks whether an HTTP status is worth retrying: 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * Placeholder printed where a secret would be. It sits here, next to the error classes, because
 * every chunk of the package that loads on demand imports this module anyway.
 */
export const REDACTED = '[redacted]';
