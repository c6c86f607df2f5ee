import {
  type Credentials,
  type CredentialsInput,
  createTokenProvider,
  type HmEnvironment,
  resolveBaseUrl,
  type TokenProvider,
} from '@hm-sdk/auth';
import type { paths } from '@hm-sdk/openapi';
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { createFleetHelpers, type FleetHelpers } from './fleet.js';

/** Options for {@link createHmClient}. Give either `credentials` or `tokenProvider`. */
export interface HmClientOptions {
  /** Credentials to get tokens with; a token provider is created for them. */
  credentials?: Credentials | CredentialsInput;
  /** Any source of access tokens, for example one shared with other clients. */
  tokenProvider?: TokenProvider;
  /** `sandbox` (the default) or `production`. Ignored when `baseUrl` is set. */
  environment?: HmEnvironment;
  /** A base URL such as a mock's `http://127.0.0.1:4010`, with or without a trailing slash. */
  baseUrl?: string;
  /** The `fetch` to use. When omitted, `globalThis.fetch` is looked up on every call. */
  fetch?: typeof fetch;
}

/** The typed High Mobility client: the raw operations in `api`, and fleet helpers. */
export interface HmClient extends FleetHelpers {
  /** The openapi-fetch client on the generated `paths`, with bearer tokens added. */
  readonly api: Client<paths>;
  /** The token provider the client authenticates with. */
  readonly tokenProvider: TokenProvider;
}

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
 */
export function createHmClient(options: HmClientOptions): HmClient {
  const baseUrl = resolveBaseUrl(options);
  const tokenProvider = options.tokenProvider ?? createProvider(options);
  const fetchAtCallTime = (request: Request) => (options.fetch ?? globalThis.fetch)(request);
  const api = createClient<paths>({ baseUrl, fetch: fetchAtCallTime });
  api.use(bearerMiddleware(tokenProvider));
  return { api, tokenProvider, ...createFleetHelpers(api) };
}

function createProvider(options: HmClientOptions): TokenProvider {
  if (options.credentials === undefined) {
    throw new TypeError(
      'createHmClient needs credentials or a tokenProvider: pass { credentials: { clientId, clientSecret } } ' +
        'or { credentials: { privateKeyId, privateKey } }.',
    );
  }
  return createTokenProvider({
    credentials: options.credentials,
    ...(options.environment ? { environment: options.environment } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

function bearerMiddleware(tokenProvider: TokenProvider): Middleware {
  return {
    async onRequest({ request }) {
      const token = await tokenProvider.getToken({ signal: request.signal });
      request.headers.set('Authorization', `Bearer ${token.accessToken}`);
      return request;
    },
  };
}
