// Used by the token provider code, which loads on demand; the margin options are in margin.ts.
import type { RefreshMargin } from './margin.js';

/** Points in time, on the monotonic clock, at which a token changes phase. */
export interface TokenSchedule {
  /** When the token request was sent. */
  sentAt: number;
  /** Start of background refresh. */
  softAt: number;
  /** Start of the window in which callers wait for a new token. */
  hardAt: number;
  /** Expiry. */
  expiresAt: number;
}

/** Phase of a cached token: use it, refresh it in the background, or wait for a new one. */
export type TokenPhase = 'fresh' | 'soft' | 'hard';

/** Computes the schedule of a token sent at `sentAt` that lives `lifetimeMs` milliseconds. */
export function scheduleToken(
  sentAt: number,
  lifetimeMs: number,
  margin: Required<RefreshMargin>,
): TokenSchedule {
  return {
    sentAt,
    softAt: sentAt + lifetimeMs * (1 - margin.soft),
    hardAt: sentAt + lifetimeMs * (1 - margin.hard),
    expiresAt: sentAt + lifetimeMs,
  };
}

/** Returns the phase of a token at monotonic time `now`. */
export function phaseAt(schedule: TokenSchedule, now: number): TokenPhase {
  if (now >= schedule.hardAt) return 'hard';
  if (now >= schedule.softAt) return 'soft';
  return 'fresh';
}
