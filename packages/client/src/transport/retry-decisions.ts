import { NetworkError, TimeoutError } from '../errors/transport-errors.js';
import { backoffDelayMs, isIdempotentMethod, parseRetryAfter } from './retry.js';
import type { CallState, TransportSettings } from './types.js';

function isIdempotent(state: CallState): boolean {
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

/**
 * Handles a 429 or 503: pauses the client for the `Retry-After` time (or a backoff when there is
 * none) and returns whether to send the call again. A 429 is retried for every method, because
 * the API rejected the request without acting on it; a 503 only for idempotent calls. Returns
 * false, so the response reaches the caller, when the retries are used up or `Retry-After`
 * exceeds `maxRetryAfterMs`.
 */
export function shouldRetryStatus(
  settings: TransportSettings,
  state: CallState,
  response: Response,
): boolean {
  const { status } = response;
  if (status !== 429 && status !== 503) return false;

  const { call } = state.outgoing;
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
  settings.gate.pause({ operation: call.operation, status, delayMs });

  const allowed = status === 429 || isIdempotent(state);
  if (!allowed || state.retries + 1 >= call.retry.maxAttempts) return false;
  state.retries += 1;
  settings.logger.warn(`Got HTTP ${status}; retrying after the pause`, {
    operation: call.operation,
    attempt: state.sent,
    delayMs: Math.round(delayMs),
    retryAfterMs,
  });
  // The gate makes the next loop iteration wait for the pause.
  return true;
}
