import {
  type BaseUrlOptions,
  type Credentials,
  type CredentialsInput,
  createTokenProvider,
  type Logger,
  resolveBaseUrl,
  type TokenProvider,
} from '@hm-sdk/auth';
import { type Clock, systemClock } from './clock.js';
import { assertTimeout } from './transport/request-options.js';
import { type RetryOptions, type RetryPolicy, resolveRetryPolicy } from './transport/retry.js';
import { SDK_NAME, SDK_VERSION } from './version.js';

/** Options of {@link createHmClient}. Give either `credentials` or `tokenProvider`. */
export interface HmClientOptions extends BaseUrlOptions {
  /** Credentials to get tokens with; a token provider is created for them. */
  credentials?: Credentials | CredentialsInput;
  /** Any source of access tokens, for example one shared with other clients. */
  tokenProvider?: TokenProvider;
  /**
   * The `fetch` to send requests with. When omitted, `globalThis.fetch` is looked up on every
   * request, so a mock installed after the client was created still receives its requests.
   */
  fetch?: typeof fetch;
  /** Time limit of each attempt in milliseconds, from sending to the end of the body. Default 30,000. */
  timeoutMs?: number;
  /**
   * Retry settings, or `false` for a single attempt per call. A 429 is retried for every method.
   * Network errors, timeouts, 502, 503 and 504 are retried only for idempotent calls, after the
   * `Retry-After` time or an exponential backoff.
   */
  retry?: RetryOptions | false;
  /**
   * Product token of the calling application, such as `fleet-sync/2.1`. It goes before the SDK's
   * own `hm-sdk-client/<version>` in the `User-Agent` header.
   */
  userAgent?: string;
  /** Receives retries, token replays and request summaries. Default: nothing is logged. */
  logger?: Logger;
  /** Time source and timer for retry waits and polling; inject one for simulated time. */
  clock?: Clock;
  /** Random source in [0, 1) for backoff jitter; default `Math.random`. */
  random?: () => number;
}

/** Client options after validation, with defaults filled in. */
export interface ResolvedClientOptions {
  baseUrl: string;
  tokenProvider: TokenProvider;
  fetch: typeof fetch | undefined;
  timeoutMs: number;
  retry: RetryPolicy;
  userAgent: string;
  logger: Logger;
  clock: Clock;
  random: () => number;
}

const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Validates client options and fills in defaults.
 *
 * @throws TypeError when neither or both of `credentials` and `tokenProvider` are given, or an
 *   option has an invalid value.
 */
export function resolveClientOptions(options: HmClientOptions): ResolvedClientOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      'createHmClient expects an options object with credentials or a tokenProvider.',
    );
  }
  const timeoutMs = options.timeoutMs ?? 30_000;
  assertTimeout(timeoutMs);
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new TypeError('Invalid fetch option: pass a function with the signature of fetch.');
  }
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  return {
    baseUrl: resolveBaseUrl(options),
    tokenProvider: resolveTokenProvider(options, clock, logger),
    fetch: options.fetch,
    timeoutMs,
    retry: resolveRetryPolicy(options.retry),
    userAgent: buildUserAgent(options.userAgent),
    logger,
    clock,
    random: options.random ?? Math.random,
  };
}

function resolveTokenProvider(
  options: HmClientOptions,
  clock: Clock,
  logger: Logger,
): TokenProvider {
  const { credentials, tokenProvider } = options;
  if (credentials !== undefined && tokenProvider !== undefined) {
    throw new TypeError(
      'createHmClient got both credentials and a tokenProvider; pass only one of them.',
    );
  }
  if (tokenProvider !== undefined) {
    if (
      typeof tokenProvider?.getToken !== 'function' ||
      typeof tokenProvider.invalidate !== 'function'
    ) {
      throw new TypeError(
        'Invalid tokenProvider: it needs getToken() and invalidate(accessToken).',
      );
    }
    return tokenProvider;
  }
  if (credentials === undefined) {
    throw new TypeError(
      'createHmClient needs credentials or a tokenProvider: pass { credentials: { clientId, clientSecret } } ' +
        'or { credentials: { privateKeyId, privateKey } }.',
    );
  }
  return createTokenProvider({
    credentials,
    logger,
    ...(options.environment === undefined ? {} : { environment: options.environment }),
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    // Token lifetimes follow the injected clock, so simulated time also ages tokens.
    ...(options.clock === undefined ? {} : { clock: { now: clock.now, monotonicNow: clock.now } }),
  });
}

/** Builds the `User-Agent` value: the caller's product first, then the SDK's. */
function buildUserAgent(product: string | undefined): string {
  const sdk = `${SDK_NAME}/${SDK_VERSION}`;
  if (product === undefined || product.trim() === '') return sdk;
  if (/[\r\n\0]/.test(product)) {
    throw new TypeError(
      `Invalid userAgent ${JSON.stringify(product)}: a header value cannot contain line breaks.`,
    );
  }
  return `${product.trim()} ${sdk}`;
}
