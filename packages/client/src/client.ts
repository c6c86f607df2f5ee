import type { TokenProvider } from '@hm-sdk/auth';
import type { Client } from 'openapi-fetch';
import { createLazyApi } from './api/lazy-api.js';
import { createRequestMethod } from './call.js';
import { createFleetHelpers, type FleetHelpers } from './fleet/helpers.js';
import { loadOnce } from './load-once.js';
import { type HmClientOptions, resolveClientOptions } from './options.js';
import { type ClientPaths, serializeQuery } from './paths.js';
import type { HmRequestMethod } from './result.js';
import { RateGate, type RateLimitEvent } from './transport/rate-gate.js';
import { assertTimeout } from './transport/request-options.js';
import { resolveRetryPolicy } from './transport/retry.js';
import { send, type TransportSettings } from './transport/transport.js';

/** The typed High Mobility client: raw calls in `api` and `request`, and fleet helpers. */
export interface HmClient extends FleetHelpers {
  /**
   * The openapi-fetch client on the contract's paths, with the client's bearer tokens, retries,
   * timeouts and response checks. It also accepts `timeoutMs`, `retry` and `idempotent` per call.
   */
  readonly api: Client<ClientPaths>;
  /**
   * Sends one call typed by the contract and resolves to a result that narrows by status.
   *
   * @example
   * ```ts
   * const result = await client.request('get', '/v1/fleets/vehicles/{vin}', {
   *   params: { path: { vin } },
   * });
   * if (result.ok) console.log(result.data.status);
   * else if (result.status === 404) console.log('no clearance:', result.error.errors[0]?.detail);
   * else throw result.apiError;
   * ```
   */
  readonly request: HmRequestMethod;
  /** The token provider the client authenticates with. */
  readonly tokenProvider: TokenProvider;
  /** The API base URL, without a trailing slash. */
  readonly baseUrl: string;
  /**
   * Registers a listener for the client-wide pauses after a 429 or 503; returns the function
   * that removes it.
   */
  onRateLimit(listener: (event: RateLimitEvent) => void): () => void;
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

// openapi-fetch and the glue to the transport load on the first `client.api` call.
const loadApiModule = loadOnce(() => import('./api/openapi-fetch-client.js'), 'openapi-fetch');

/**
 * Creates a client for the High Mobility API.
 *
 * @example
 * ```ts
 * const client = createHmClient({
 *   credentials: { clientId: 'my-client-id', clientSecret: process.env.HM_CLIENT_SECRET! },
 *   environment: 'sandbox',
 * });
 * const eligibility = await client.checkEligibility({ vin: '2HM00000000000001', brand: 'sandbox' });
 * ```
 * @throws TypeError when neither or both of `credentials` and `tokenProvider` are given, or an
 *   option is invalid.
 * @throws InvalidCredentialsError or InvalidPrivateKeyError (from `@hm-sdk/auth`) for unusable
 *   credentials. A private key whose type is right but whose content is not usable fails the
 *   first call instead. `checkCredentials` from `@hm-sdk/auth` finds that out at startup.
 */
export function createHmClient(options: HmClientOptions): HmClient {
  const settings = resolveClientOptions(options);
  const gate = new RateGate(settings.clock);
  const transport: TransportSettings = {
    ...settings,
    gate,
    logsDebug: options.logger !== undefined,
  };
  const api = createLazyApi(async () => {
    const { createOpenApiClient } = await loadApiModule();
    return createOpenApiClient(transport, settings.baseUrl, {
      send,
      serializeQuery,
      assertTimeout,
      resolveRetryPolicy,
    });
  });
  const request = createRequestMethod({ ...transport, baseUrl: settings.baseUrl });

  const fleet = createFleetHelpers({
    request,
    clock: settings.clock,
    gate,
    logger: settings.logger,
  });
  const client: HmClient = {
    api,
    request,
    tokenProvider: settings.tokenProvider,
    baseUrl: settings.baseUrl,
    onRateLimit: (listener) => gate.subscribe(listener),
    ...fleet,
  };
  const summary = () => `HmClient { baseUrl: '${settings.baseUrl}' }`;
  // The client object contains no secret, but its closures reach the credentials, so inspection
  // and serialisation show only the base URL.
  Object.defineProperties(client, {
    [inspectSymbol]: { value: summary },
    toJSON: { value: () => ({ baseUrl: settings.baseUrl }) },
    toString: { value: summary },
  });
  return Object.freeze(client);
}
