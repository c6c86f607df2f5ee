import { loadOnce } from '../load-once.js';
import type { AccessToken } from './access-token.js';
import { resolveOptions, type TokenProviderOptions } from './options.js';
import type { TokenProviderState } from './provider-state.js';
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
   *   request fails after its retries, NetworkError when the provider's code (loaded on demand)
   *   could not be loaded, InvalidPrivateKeyError when the private key is not usable, and the
   *   signal's reason when `signal` aborts this caller's wait.
   */
  getToken(options?: GetTokenOptions): Promise<AccessToken>;
  /**
   * Drops the cached token if it equals `accessToken`, for example after the API returned 401.
   * A newer token than the given one is kept.
   */
  invalidate(accessToken: string): void;
}

// The provider's state and the token request code: cache handling, refresh, single flight, the
// request, the response checks, retries and the masking of secrets in error text. Apps that
// pass their own token provider to the client never load it.
const loadProviderCode = loadOnce(() => import('./provider-state.js'), 'the token provider code');

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
  const resolved = resolveOptions(options);
  let state: TokenProviderState | undefined;
  const invalidatedEarly: string[] = [];
  // Start the download now, so the first getToken does not wait for it. A failure here is
  // dropped, because getToken loads again and reports it.
  loadProviderCode().catch(() => undefined);

  // The signal is checked first, so an aborted call neither starts a request nor leaves an
  // unhandled promise behind.
  const tokenFrom = (loaded: TokenProviderState, signal: AbortSignal | undefined) =>
    signal?.aborted ? Promise.reject(signal.reason) : waitWithSignal(loaded.getToken(), signal);

  const loadState = async (): Promise<TokenProviderState> => {
    const { TokenProviderState } = await loadProviderCode();
    if (state === undefined) {
      state = new TokenProviderState(resolved);
      for (const accessToken of invalidatedEarly.splice(0)) state.invalidate(accessToken);
    }
    return state;
  };

  return {
    // The signal stops the caller's wait for the provider code as well as for the token. Once
    // the state exists, a call without a signal gets the state's promise with nothing between.
    getToken: (getOptions) => {
      const signal = getOptions?.signal;
      if (state !== undefined) return tokenFrom(state, signal);
      if (signal?.aborted) return Promise.reject(signal.reason);
      return waitWithSignal(loadState(), signal).then((loaded) => tokenFrom(loaded, signal));
    },
    invalidate: (accessToken) => {
      if (typeof accessToken !== 'string') {
        throw new TypeError('invalidate expects the access token string that the API rejected.');
      }
      if (state === undefined) invalidatedEarly.push(accessToken);
      else state.invalidate(accessToken);
    },
  };
}
