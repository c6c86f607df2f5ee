import type { RetryOptions, RetryPolicy } from './retry.js';

/**
 * Options of one call, accepted next to `params` and `body` by `client.request(...)`,
 * `client.api.GET(...)` and the other `client.api` methods.
 */
export interface HmRequestOptions {
  /** Stops the call, including retry waits. */
  signal?: AbortSignal;
  /** Time limit of each attempt in milliseconds, from sending to the end of the body. */
  timeoutMs?: number;
  /** Retry settings for this call, merged over the client's; `false` for a single attempt. */
  retry?: RetryOptions | false;
  /**
   * Marks the call as safe to repeat after a network error or a 503, which the client otherwise
   * does only for idempotent methods such as GET and DELETE.
   */
  idempotent?: boolean;
}

/** Resolved per-call settings. */
export interface CallSettings {
  operation: string;
  timeoutMs: number;
  retry: RetryPolicy;
  idempotent: boolean | undefined;
}

/** Largest delay `setTimeout` supports; a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** @throws TypeError unless `timeoutMs` is a number of milliseconds > 0 that timers support. */
export function assertTimeout(timeoutMs: number): void {
  if (!(typeof timeoutMs === 'number' && timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS)) {
    throw new TypeError(
      `Invalid timeoutMs ${String(timeoutMs)}: pass milliseconds > 0 and at most ${MAX_TIMER_MS}.`,
    );
  }
}
