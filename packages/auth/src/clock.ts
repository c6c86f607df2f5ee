/**
 * Source of time for the token provider and the assertion.
 *
 * `now` is wall-clock time and only feeds values that leave the process (`iat`, `expiresAt`).
 * `monotonicNow` measures token lifetimes, so a wall-clock jump neither stretches nor shrinks
 * a cached token.
 */
export interface Clock {
  /** Wall-clock time in milliseconds since the Unix epoch, like `Date.now()`. */
  now(): number;
  /** Milliseconds from an arbitrary fixed origin that never goes backwards, like `performance.now()`. */
  monotonicNow(): number;
}

/** The clock used when none is injected: `Date.now()` and `performance.now()`. */
export const systemClock: Clock = {
  now: () => Date.now(),
  monotonicNow: () => performance.now(),
};
