import { HmClientError, type HmClientErrorOptions } from './base.js';

/**
 * The request failed before a complete response arrived: DNS failure, refused or reset
 * connection, TLS error, or a body cut off mid-way. Idempotent requests are retried before this
 * error is thrown.
 */
export class NetworkError extends HmClientError {
  override readonly name = 'NetworkError';
  readonly code = 'ERR_CLIENT_NETWORK';
}

/** One attempt took longer than its timeout, from sending the request to the end of the body. */
export class TimeoutError extends HmClientError {
  override readonly name = 'TimeoutError';
  readonly code = 'ERR_CLIENT_TIMEOUT';
  /** The timeout that expired, in milliseconds; `undefined` when the caller's signal timed out. */
  readonly timeoutMs: number | undefined;

  constructor(message: string, timeoutMs: number | undefined, options: HmClientErrorOptions = {}) {
    super(message, options);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The caller's `AbortSignal` aborted the operation with the default reason. When the caller
 * aborts with a reason of its own, the operation rejects with that reason unchanged, as `fetch`
 * does.
 */
export class AbortError extends HmClientError {
  override readonly name = 'AbortError';
  readonly code = 'ERR_CLIENT_ABORTED';
}

/**
 * Turns the reason of an aborted caller signal into the error to throw: our {@link AbortError}
 * or {@link TimeoutError} for the platform's `AbortError` and `TimeoutError` reasons, and the
 * reason itself for anything else.
 */
export function abortFailure(
  reason: unknown,
  options: HmClientErrorOptions & { what: string },
): unknown {
  const { what, ...rest } = options;
  const name = isDomException(reason) ? reason.name : undefined;
  if (name === 'TimeoutError') {
    return new TimeoutError(
      `${what} timed out: the AbortSignal passed to it expired. Give the signal more time.`,
      undefined,
      { ...rest, cause: reason },
    );
  }
  if (name === 'AbortError' || reason === undefined) {
    return new AbortError(`${what} was aborted by its AbortSignal.`, { ...rest, cause: reason });
  }
  return reason;
}

/** Checks for a DOMException by its shape, so one from another realm (an iframe) counts too. */
function isDomException(value: unknown): value is DOMException {
  if (typeof DOMException !== 'undefined' && value instanceof DOMException) return true;
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.prototype.toString.call(value) === '[object DOMException]'
  );
}
