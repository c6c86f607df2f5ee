import { loadOnce } from '../load-once.js';
import { type AccessToken, createAccessToken } from './access-token.js';
import type { CachedToken } from './cache.js';
import { type ResolvedOptions, resolveOptions, type TokenProviderOptions } from './options.js';
import { phaseAt, scheduleToken, type TokenSchedule } from './schedule.js';
import { waitWithSignal } from './wait.js';

/** Options of one {@link TokenProvider.getToken} call. */
export interface GetTokenOptions {
  /** Stops this caller's wait. A request shared with other callers keeps running. */
  signal?: AbortSignal;
}

/** Source of access tokens for one set of credentials. */
export interface TokenProvider {
  /**
   * Returns a valid access token: the cached one while it is fresh, otherwise a new one. All
   * concurrent callers share one request.
   *
   * @throws OAuthError, UnexpectedResponseError, TimeoutError or NetworkError when the token
   *   request fails after its retries, InvalidPrivateKeyError when Web Crypto rejects the key,
   *   and the signal's reason when `signal` aborts this caller's wait.
   */
  getToken(options?: GetTokenOptions): Promise<AccessToken>;
  /**
   * Drops the cached token if it equals `accessToken`, for example after the API returned 401.
   * A newer token than the given one is kept.
   */
  invalidate(accessToken: string): void;
}

// The token request code: the request, the response checks, retries and the masking of
// secrets in error text. Apps that pass their own token provider to the client never load it.
const loadRequestCode = loadOnce(() => import('./request.js'), 'the token request code');

interface Entry {
  token: AccessToken;
  schedule: TokenSchedule;
}

// Number of recently invalidated tokens remembered, because a shared cache may still return
// one of them for a moment.
const MAX_REMEMBERED_INVALID = 16;

/**
 * Creates a token provider: it requests tokens with the `client_credentials` grant, caches them,
 * refreshes them ahead of expiry and shares one request among concurrent callers. Create one
 * provider per credentials and reuse it, because providers share no state except through an
 * explicit `cache`.
 *
 * @example
 * ```ts
 * const provider = createTokenProvider({
 *   credentials: { clientId: 'my-client-id', clientSecret: process.env.HM_CLIENT_SECRET! },
 *   environment: 'sandbox',
 * });
 * const { accessToken } = await provider.getToken();
 * ```
 * @throws TypeError when an option is invalid.
 * @throws InvalidCredentialsError or InvalidPrivateKeyError when plain credentials are invalid.
 */
export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  return new TokenProviderState(resolveOptions(options)).api;
}

class TokenProviderState {
  readonly api: TokenProvider;
  private current: Entry | undefined;
  private inflight: Promise<Entry> | undefined;
  private backgroundBlockedUntil = Number.NEGATIVE_INFINITY;
  private readonly invalidTokens: string[] = [];

  constructor(private readonly options: ResolvedOptions) {
    // Start the download now, so the first getToken does not wait for it. A failure here is
    // dropped, because getToken loads again and reports it.
    loadRequestCode().catch(() => undefined);
    this.api = {
      getToken: (getOptions) => this.getToken(getOptions?.signal),
      invalidate: (accessToken) => this.invalidate(accessToken),
    };
  }

  private async getToken(signal: AbortSignal | undefined): Promise<AccessToken> {
    signal?.throwIfAborted();
    const now = this.options.request.clock.monotonicNow();
    const entry = this.current;
    if (entry !== undefined) {
      const phase = phaseAt(entry.schedule, now);
      if (phase === 'soft') {
        this.refreshInBackground(now, entry);
      }
      if (phase !== 'hard') {
        return entry.token;
      }
    }
    const next = await waitWithSignal(this.flight(), signal);
    return next.token;
  }

  private invalidate(accessToken: string): void {
    if (typeof accessToken !== 'string') {
      throw new TypeError('invalidate expects the access token string that the API rejected.');
    }
    this.invalidTokens.push(accessToken);
    if (this.invalidTokens.length > MAX_REMEMBERED_INVALID) {
      this.invalidTokens.shift();
    }
    if (this.current?.token.accessToken !== accessToken) {
      return;
    }
    this.current = undefined;
    this.log('info', 'Dropped the cached access token after it was invalidated');
    const { cache, cacheKey } = this.options;
    this.guardCache('delete', () => cache.delete(cacheKey, accessToken));
  }

  /** Starts a request unless one is running, and returns the promise that every caller shares. */
  private flight(): Promise<Entry> {
    this.inflight ??= this.fetchEntry().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private refreshInBackground(now: number, entry: Entry): void {
    if (this.inflight !== undefined || now < this.backgroundBlockedUntil) {
      return;
    }
    this.log('debug', 'Refreshing the access token in the background');
    this.flight().catch((error: unknown) => {
      const lifetime = entry.schedule.expiresAt - entry.schedule.sentAt;
      // Spread attempts out instead of retrying on every call during the soft window.
      this.backgroundBlockedUntil =
        this.options.request.clock.monotonicNow() + Math.max(1_000, lifetime * 0.05);
      this.log('warn', 'Background token refresh failed; the cached token is still valid', {
        code: (error as { code?: unknown }).code,
        message: error instanceof Error ? error.message : String(error),
        expiresAt: entry.token.expiresAt.toISOString(),
      });
    });
  }

  private async fetchEntry(): Promise<Entry> {
    const adopted = await this.readSharedCache();
    if (adopted !== undefined) {
      this.current = adopted;
      return adopted;
    }
    const { requestToken } = await loadRequestCode();
    const fetched = await requestToken(this.options.request);
    const lifetimeMs = fetched.lifetimeMs;
    const entry: Entry = {
      token: createAccessToken({
        accessToken: fetched.accessToken,
        scopes: fetched.scopes,
        expiresAt: new Date(fetched.sentAtWall + lifetimeMs),
      }),
      schedule: scheduleToken(fetched.sentAtMonotonic, lifetimeMs, this.options.margin),
    };
    this.current = entry;
    this.log('info', 'Obtained a new access token', {
      expiresInSeconds: lifetimeMs / 1000,
      scopes: fetched.scopes,
      attempts: fetched.attempts,
    });
    const stored: CachedToken = {
      accessToken: fetched.accessToken,
      scopes: fetched.scopes,
      issuedAt: fetched.sentAtWall,
      expiresAt: fetched.sentAtWall + lifetimeMs,
    };
    await this.guardCache('set', () => this.options.cache.set(this.options.cacheKey, stored));
    return entry;
  }

  /**
   * Adopts a token from the shared cache if it is fresh or in its soft window and differs from
   * the current and any invalidated token. Its lifetime is
   * mapped onto this process's monotonic clock from the wall-clock times stored with it.
   */
  private async readSharedCache(): Promise<Entry | undefined> {
    const { cache, cacheKey, margin, request } = this.options;
    const cached = await this.guardCache('get', () => cache.get(cacheKey));
    // The token being refreshed is in the cache too, and adopting it again would refresh nothing.
    if (
      cached === undefined ||
      cached.accessToken === this.current?.token.accessToken ||
      this.invalidTokens.includes(cached.accessToken)
    ) {
      return undefined;
    }
    const lifetimeMs = cached.expiresAt - cached.issuedAt;
    const remainingMs = Math.min(cached.expiresAt - request.clock.now(), lifetimeMs);
    if (!(lifetimeMs > 0) || !(remainingMs > 0)) {
      return undefined;
    }
    const now = request.clock.monotonicNow();
    const schedule = scheduleToken(now + remainingMs - lifetimeMs, lifetimeMs, margin);
    if (phaseAt(schedule, now) === 'hard') {
      return undefined;
    }
    this.log('debug', 'Using an access token from the shared cache');
    const token = createAccessToken({
      accessToken: cached.accessToken,
      scopes: cached.scopes,
      expiresAt: new Date(cached.expiresAt),
    });
    return { token, schedule };
  }

  /** Runs a cache call and returns its result, or `undefined` after logging a failure. */
  private async guardCache<T>(
    operation: string,
    call: () => T | Promise<T>,
  ): Promise<T | undefined> {
    try {
      return await call();
    } catch (error) {
      this.log('warn', `Token cache ${operation} failed; continuing without the cache`, {
        message: error instanceof Error ? error.message : String(error),
      });
      return undefined;
    }
  }

  private log(
    level: 'debug' | 'info' | 'warn',
    message: string,
    fields: Record<string, unknown> = {},
  ): void {
    const { credentials, logger } = this.options.request;
    logger[level](message, {
      clientId: credentials.clientId,
      privateKeyId: credentials.privateKeyId,
      ...fields,
    });
  }
}
