/** Retry settings of the token request. */
export interface RetryOptions {
  /** Attempts in total, the first included. Default 3, and 1 turns retries off. */
  maxAttempts?: number;
  /**
   * Backoff base in milliseconds. After attempt n the delay is between half and all of
   * `min(maxDelayMs, baseDelayMs * 2 ** (n - 1))`. Default 250.
   */
  baseDelayMs?: number;
  /** Upper bound of the exponential backoff, in milliseconds. Default 4,000. */
  maxDelayMs?: number;
  /**
   * Longest `Retry-After` the provider waits, in milliseconds. A longer one ends the retries and
   * the error carries `retryAfterMs`. Default 10,000.
   */
  maxRetryAfterMs?: number;
}

/** Retry settings with defaults filled in. */
export type RetryPolicy = Required<RetryOptions>;

/** Checks retry options and fills in defaults. @throws TypeError for an invalid value. */
export function resolveRetryPolicy(options: RetryOptions | false | undefined): RetryPolicy {
  const settings: RetryOptions = options === false ? { maxAttempts: 1 } : (options ?? {});
  const policy: RetryPolicy = {
    maxAttempts: settings.maxAttempts ?? 3,
    baseDelayMs: settings.baseDelayMs ?? 250,
    maxDelayMs: settings.maxDelayMs ?? 4_000,
    maxRetryAfterMs: settings.maxRetryAfterMs ?? 10_000,
  };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new TypeError(
      `retry.maxAttempts must be a whole number of at least 1, got ${policy.maxAttempts}.`,
    );
  }
  for (const name of ['baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs'] as const) {
    if (!(Number.isFinite(policy[name]) && policy[name] >= 0)) {
      throw new TypeError(
        `retry.${name} must be a number of milliseconds >= 0, got ${policy[name]}.`,
      );
    }
  }
  return policy;
}
