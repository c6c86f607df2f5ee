import { isHmAuthError } from '../errors.js';
import type { RetryPolicy } from './retry.js';

/**
 * Returns how long to wait before the next attempt, or `undefined` when the error must not be
 * retried: anything but network errors, timeouts, 429 and 5xx, or a `Retry-After` longer than
 * the policy allows. Backoff is exponential with "equal jitter": half fixed, half random.
 */
export function retryDelayMs(
  error: unknown,
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
): number | undefined {
  if (!isHmAuthError(error) || !error.retryable) {
    return undefined;
  }
  const retryAfterMs = 'retryAfterMs' in error ? error.retryAfterMs : undefined;
  if (retryAfterMs !== undefined) {
    return retryAfterMs <= policy.maxRetryAfterMs ? retryAfterMs : undefined;
  }
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return exponential / 2 + random() * (exponential / 2);
}

/** Resolves after `ms` milliseconds, using `setTimeout` so fake timers control it. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
