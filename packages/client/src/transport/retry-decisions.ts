import { NetworkError, TimeoutError } from '../errors/transport-errors.js';
import { backoffDelayMs, isIdempotentMethod, parseRetryAfter } from './retry.js';
import type { CallState, TransportSettings } from './types.js';

/** Checks whether the call may be retried after it reached the API: the per-call flag or the method. */
export function isIdempotent(state: CallState): boolean {
  const { call, method } = state.outgoing;
  return call.idempotent ?? isIdempotentMethod(method);
}

/**
 * Waits before retrying a network error or timeout of an idempotent call, or rethrows the
 * error when no retry is allowed.
 */
export async function waitBeforeRetryAfterFailure(
  settings: TransportSettings,
  state: CallState,
  error: unknown,
): Promise<void> {
  const retryable = error instanceof NetworkError || error instanceof TimeoutError;
  const { call, signal } = state.outgoing;
  if (!retryable || !isIdempotent(state) || state.retries + 1 >= call.retry.maxAttempts) {
    throw error;
  }
  state.retries += 1;
  const delayMs = backoffDelayMs(call.retry, state.retries, settings.random);
  settings.logger.warn('Request failed; retrying', {
    operation: call.operation,
    code: error.code,
    attempt: state.sent,
    delayMs: Math.round(delayMs),
  });
  await settings.clock.sleep(delayMs, signal);
}

/** Statuses that signal an overloaded API: they pause every request of the client. */
const PAUSING_STATUSES = new Set([429, 503]);

/** Gateway failures: only the call that received one waits before its retry. */
const GATEWAY_STATUSES = new Set([502, 504]);

/**
 * Handles a 429, 502, 503 or 504 and returns whether to send the call again. A 429 is retried
 * for every method, because the API rejected the request without acting on it. A 502, 503 or
 * 504 is retried only for idempotent calls, because the request may have reached the API. The
 * wait is the `Retry-After` time, or a backoff when there is none. A 429 or 503 pauses the whole
 * client for that time, while a 502 or 504 delays only this call. Returns false, so the response
 * reaches the caller, when the retries are used up or `Retry-After` exceeds `maxRetryAfterMs`.
 */
export async function shouldRetryStatus(
  settings: TransportSettings,
  state: CallState,
  response: Response,
): Promise<boolean> {
  const { status } = response;
  const pauses = PAUSING_STATUSES.has(status);
  if (!pauses && !(GATEWAY_STATUSES.has(status) && isIdempotent(state))) return false;

  const { call, signal } = state.outgoing;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), settings.clock.now());
  if (retryAfterMs !== undefined && retryAfterMs > call.retry.maxRetryAfterMs) {
    settings.logger.warn('Not retrying: Retry-After is longer than retry.maxRetryAfterMs', {
      operation: call.operation,
      status,
      retryAfterMs,
      maxRetryAfterMs: call.retry.maxRetryAfterMs,
    });
    return false;
  }

  const delayMs =
    retryAfterMs === undefined
      ? backoffDelayMs(call.retry, state.retries + 1, settings.random)
      : // A little jitter spreads out clients that received the same Retry-After.
        retryAfterMs + settings.random() * Math.min(1_000, retryAfterMs * 0.05);
  if (pauses) settings.gate.pause({ operation: call.operation, status, delayMs });

  const allowed = status === 429 || isIdempotent(state);
  if (!allowed || state.retries + 1 >= call.retry.maxAttempts) return false;
  state.retries += 1;
  settings.logger.warn(`Got HTTP ${status}; retrying after the pause`, {
    operation: call.operation,
    attempt: state.sent,
    delayMs: Math.round(delayMs),
    retryAfterMs,
  });
  // After a 429 or 503 the gate makes the next loop iteration wait.
  if (!pauses) await settings.clock.sleep(delayMs, signal);
  return true;
}
