// The token provider's state and the token request code it calls. createTokenProvider in
// provider.ts loads this module on demand, so apps that give the client their own token
// provider never download it.
import { type AccessToken, createAccessToken } from './access-token.js';
import type { CachedToken } from './cache.js';
import type { ResolvedOptions } from './options.js';
import { requestToken } from './request.js';
import { phaseAt, scheduleToken, type TokenSchedule } from './schedule.js';

interface Entry {
  token: AccessToken;
  schedule: TokenSchedule;
}

// Number of recently invalidated tokens remembered, because a shared cache may still return
// one of them for a moment.
const MAX_REMEMBERED_INVALID = 16;

/** The state behind one token provider: the cached token, the request in flight, refresh. */
export class TokenProviderState {
  private current: Entry | undefined;
  private inflight: Promise<Entry> | undefined;
  private backgroundBlockedUntil = Number.NEGATIVE_INFINITY;
  private readonly invalidTokens: string[] = [];

  constructor(private readonly options: ResolvedOptions) {}

  /**
   * Returns the cached token, or the promise of the request that every caller shares. The
   * caller's signal is applied by provider.ts, which waits on this promise.
   */
  async getToken(): Promise<AccessToken> {
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
    const next = await this.flight();
    return next.token;
  }

  /** Drops the cached token if it is `accessToken`. provider.ts has checked the argument. */
  invalidate(accessToken: string): void {
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
