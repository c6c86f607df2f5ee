/**
 * Retry settings of the client. They apply to 429 responses for every method, and to network
 * errors, timeouts, 502, 503 and 504 for idempotent calls.
 */
export interface RetryOptions {
  /** Attempts in total, the first included. Default 3; 1 turns retries off. */
  maxAttempts?: number;
  /** Backoff before the first retry, in milliseconds, doubled for each later one. Default 250. */
  baseDelayMs?: number;
  /** Upper bound of the exponential backoff, in milliseconds. Default 8,000. */
  maxDelayMs?: number;
  /**
   * Longest `Retry-After` the client waits, in milliseconds. A longer one ends the retries and
   * the response is returned as it is. Default 60,000, one window of the API's per-minute limits.
   */
  maxRetryAfterMs?: number;
}

/** Retry settings with defaults filled in. */
export type RetryPolicy = Readonly<Required<RetryOptions>>;

/** The policy used when none is given. */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/** The policy of `retry: false`: one attempt. */
const noRetries: RetryPolicy = { ...defaultRetryPolicy, maxAttempts: 1 };

/**
 * Checks retry options and fills in defaults from `base`.
 *
 * @throws TypeError for a value that is not a whole number of attempts or a delay >= 0.
 */
export function resolveRetryPolicy(
  options: RetryOptions | false | undefined,
  base: RetryPolicy = defaultRetryPolicy,
): RetryPolicy {
  if (options === false) return noRetries;
  if (options === undefined) return base;
  const policy = { ...base, ...withoutUndefined(options) };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new TypeError(
      `Invalid retry.maxAttempts ${policy.maxAttempts}: pass a whole number >= 1 (1 turns retries off).`,
    );
  }
  for (const name of ['baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs'] as const) {
    if (!(Number.isFinite(policy[name]) && policy[name] >= 0)) {
      throw new TypeError(`Invalid retry.${name} ${policy[name]}: pass milliseconds >= 0.`);
    }
  }
  return policy;
}

function withoutUndefined(options: RetryOptions): RetryOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

/**
 * Returns the wait before retry number `retry` (1 for the first retry): exponential backoff
 * capped at `maxDelayMs`, of which a random half is jitter so that clients that failed together
 * do not retry together.
 */
export function backoffDelayMs(policy: RetryPolicy, retry: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

/**
 * Returns the wait a `Retry-After` value requests, in milliseconds, or `undefined` when the
 * header is missing or unreadable. The value is either whole seconds or an HTTP date, which is
 * compared with `nowMs` (RFC 9110, section 10.2.3). A date in the past means no wait.
 */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number.parseInt(value, 10) * 1000;
  // An HTTP date always names a weekday and a month, so a bare number such as "1.5" is no date.
  const time = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? undefined : Math.max(0, time - nowMs);
}

/** Methods that may be repeated without changing the outcome (RFC 9110, section 9.2.2). */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

/** Checks whether an HTTP method is idempotent, so a retry after a lost response is safe. */
export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}
