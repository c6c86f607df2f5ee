/**
 * A token as stored in a {@link TokenCache}. Times are wall-clock milliseconds since the Unix
 * epoch, because a cache may be shared by processes whose monotonic clocks differ.
 */
export interface CachedToken {
  /** The access token. Store it like a password, because anyone who reads it can call the API. */
  accessToken: string;
  /** Scopes granted to the token. */
  scopes: string[];
  /** When the token request was sent, in milliseconds since the Unix epoch. */
  issuedAt: number;
  /** When the token expires, in milliseconds since the Unix epoch. */
  expiresAt: number;
}

/**
 * Storage for access tokens that several token providers, possibly in several processes, can
 * share: implement it on Redis, a database or a file to make a fleet of workers use one token.
 * Methods may return promises. A failing method is logged and otherwise ignored, so a cache
 * outage never stops token requests.
 */
export interface TokenCache {
  /** Returns the token stored under `key`, or `undefined`. Expired entries may be returned. */
  get(key: string): CachedToken | undefined | Promise<CachedToken | undefined>;
  /** Stores a token under `key`, replacing any previous one. */
  set(key: string, token: CachedToken): void | Promise<void>;
  /**
   * Removes the token under `key` only if its `accessToken` equals the given one, so a newer
   * token stored by another process survives.
   */
  delete(key: string, accessToken: string): void | Promise<void>;
}

/**
 * Creates an in-memory {@link TokenCache}: the default of each token provider. Pass one instance
 * to several providers in the same process to let them share tokens. Entries are dropped when
 * read after `expiresAt`.
 *
 * @param now - wall clock in milliseconds since the Unix epoch, `Date.now` by default.
 */
export function createMemoryTokenCache(now: () => number = Date.now): TokenCache {
  const entries = new Map<string, CachedToken>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry !== undefined && entry.expiresAt <= now()) {
        entries.delete(key);
        return undefined;
      }
      return entry === undefined ? undefined : { ...entry, scopes: [...entry.scopes] };
    },
    set(key, token) {
      entries.set(key, { ...token, scopes: [...token.scopes] });
    },
    delete(key, accessToken) {
      if (entries.get(key)?.accessToken === accessToken) {
        entries.delete(key);
      }
    },
  };
}
