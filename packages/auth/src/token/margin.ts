/**
 * Fractions of a token's lifetime, counted back from expiry, that start the refresh windows.
 * With the defaults (`soft` 0.25, `hard` 0.1), a 300 s token is served from the cache for 225 s,
 * refreshed in the background for the next 45 s, and refreshed while callers wait in its last
 * 30 s. A 60 s token gets 15 s and 6 s, a 3,600 s token 900 s and 360 s.
 */
export interface RefreshMargin {
  /** Start of background refresh, as a fraction of the lifetime before expiry. Default 0.25. */
  soft?: number;
  /** Start of the window in which callers wait for a new token. Default 0.1. */
  hard?: number;
}

/** Default refresh margins, as fractions of the token lifetime. */
export const DEFAULT_REFRESH_MARGIN = { soft: 0.25, hard: 0.1 } as const;

/** Checks margins and fills in defaults. @throws TypeError when a margin is out of range. */
export function resolveRefreshMargin(margin: RefreshMargin = {}): Required<RefreshMargin> {
  const soft = margin.soft ?? DEFAULT_REFRESH_MARGIN.soft;
  const hard = margin.hard ?? Math.min(DEFAULT_REFRESH_MARGIN.hard, soft);
  if (!(hard >= 0 && hard <= soft && soft < 1)) {
    throw new TypeError(
      `refreshMargin must satisfy 0 <= hard <= soft < 1 (fractions of the token lifetime), got soft ${soft} and hard ${hard}.`,
    );
  }
  return { soft, hard };
}
