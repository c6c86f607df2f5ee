import { type Clock, systemClock } from '../clock.js';
import {
  buildTokenRequestFields,
  type Credentials,
  type CredentialsInput,
  createCredentials,
  isCredentials,
} from '../credentials/credentials.js';
import { type BaseUrlOptions, resolveBaseUrl } from '../environments.js';
import { type Logger, silentLogger } from '../logger.js';
import { createMemoryTokenCache, type TokenCache } from './cache.js';
import { type RefreshMargin, resolveRefreshMargin } from './margin.js';
import type { RequestContext } from './request.js';
import { type RetryOptions, resolveRetryPolicy } from './retry.js';

/** Options of `createTokenProvider`. Only `credentials` is required. */
export interface TokenProviderOptions extends BaseUrlOptions {
  /** Credentials from `createCredentials`, or the plain input that function accepts. */
  credentials: Credentials | CredentialsInput;
  /** `fetch` implementation; defaults to `globalThis.fetch`, looked up on every request. */
  fetch?: typeof globalThis.fetch;
  /** Encoding of the request body. The API accepts both. Default `'json'`. */
  bodyEncoding?: 'json' | 'form';
  /** Time limit of one attempt, from sending to the end of the body, in milliseconds. Default 10,000. */
  timeoutMs?: number;
  /** Retry settings, or `false` for a single attempt. */
  retry?: RetryOptions | false;
  /** When to refresh, as fractions of the token lifetime. */
  refreshMargin?: RefreshMargin;
  /** Token storage shared with other providers or processes. Default: a private in-memory cache. */
  cache?: TokenCache;
  /** Key under which the token is stored in `cache`. Default: base URL and client and key ids. */
  cacheKey?: string;
  /**
   * Lifetime in seconds assumed when a response has no usable `expires_in` and the token is not
   * a JWT with `exp` and `iat`. Default 60: short, so a wrong guess costs an extra request
   * rather than a stretch of 401s.
   */
  fallbackExpiresInSeconds?: number;
  /** Clock for tests; each method defaults to the system clock. */
  clock?: Partial<Clock>;
  /** Receives retries, refreshes and cache failures. Default: nothing is logged. */
  logger?: Logger;
  /** Random source in [0, 1) for backoff jitter; default `Math.random`. */
  random?: () => number;
}

/** Options after validation, with defaults filled in. */
export interface ResolvedOptions {
  request: RequestContext;
  cache: TokenCache;
  cacheKey: string;
  margin: Required<RefreshMargin>;
}

/** Validates provider options and fills in defaults. @throws TypeError for an invalid value. */
export function resolveOptions(options: TokenProviderOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createTokenProvider expects an options object with credentials.');
  }
  const credentials = isCredentials(options.credentials)
    ? options.credentials
    : createCredentials(options.credentials);
  const baseUrl = resolveBaseUrl(options);
  const clock: Clock = { ...systemClock, ...options.clock };
  const timeoutMs = positive(options.timeoutMs, 10_000, 'timeoutMs');
  const fallbackExpiresInSeconds = positive(
    options.fallbackExpiresInSeconds,
    60,
    'fallbackExpiresInSeconds',
  );
  const bodyEncoding = options.bodyEncoding ?? 'json';
  if (bodyEncoding !== 'json' && bodyEncoding !== 'form') {
    throw new TypeError(`bodyEncoding must be 'json' or 'form', got '${String(bodyEncoding)}'.`);
  }
  const injectedFetch = options.fetch;
  return {
    request: {
      credentials,
      buildFields: (audience, nowMs) => buildTokenRequestFields(credentials, audience, nowMs),
      baseUrl,
      fetch: injectedFetch ?? ((input, init) => globalThis.fetch(input, init)),
      bodyEncoding,
      timeoutMs,
      retry: resolveRetryPolicy(options.retry),
      fallbackExpiresInSeconds,
      clock,
      logger: options.logger ?? silentLogger,
      random: options.random ?? Math.random,
    },
    cache: options.cache ?? createMemoryTokenCache(() => clock.now()),
    cacheKey:
      options.cacheKey ??
      [baseUrl, credentials.kind, credentials.clientId ?? '', credentials.privateKeyId ?? ''].join(
        ' ',
      ),
    margin: resolveRefreshMargin(options.refreshMargin),
  };
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) {
    return fallback;
  }
  if (!(Number.isFinite(value) && value > 0)) {
    throw new TypeError(`${name} must be a positive number, got ${value}.`);
  }
  return value;
}
