import {
  type Credentials,
  type CredentialsInput,
  createCredentials,
  isCredentials,
  tokenRequestFields,
} from '../credentials/credentials.js';
import { type HmEnvironment, resolveBaseUrl } from '../environments.js';
import { OAuthError, UnexpectedResponseError } from '../errors.js';
import { type AccessToken, createAccessToken } from './access-token.js';

/** Options of {@link createTokenProvider}. */
export interface TokenProviderOptions {
  credentials: Credentials | CredentialsInput;
  environment?: HmEnvironment;
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
}

/** Options of one {@link TokenProvider.getToken} call. */
export interface GetTokenOptions {
  signal?: AbortSignal;
}

/** Source of access tokens with caching and one shared request for concurrent callers. */
export interface TokenProvider {
  getToken(options?: GetTokenOptions): Promise<AccessToken>;
  invalidate(accessToken: string): void;
}

/** Creates a token provider. */
export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const credentials = isCredentials(options.credentials)
    ? options.credentials
    : createCredentials(options.credentials);
  const baseUrl = resolveBaseUrl(options);
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let current: AccessToken | undefined;
  let inflight: Promise<AccessToken> | undefined;

  async function requestToken(): Promise<AccessToken> {
    const sentAt = Date.now();
    const fields = await tokenRequestFields(credentials, `${baseUrl}/v1`, sentAt);
    const response = await fetchImpl(`${baseUrl}/v1/access_tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(fields),
    });
    const body = (await response.json()) as Record<string, unknown>;
    if (!response.ok) {
      throw new OAuthError(`Token request failed with ${response.status}`, {
        status: response.status,
        error: String(body.error),
        error_description: body.error_description as string | undefined,
      });
    }
    if (typeof body.access_token !== 'string') {
      throw new UnexpectedResponseError('Token response has no access_token', {
        status: response.status,
        contentType: response.headers.get('content-type') ?? undefined,
        bodyExcerpt: '',
      });
    }
    return createAccessToken({
      accessToken: body.access_token,
      scopes: typeof body.scope === 'string' ? body.scope.split(' ').filter(Boolean) : [],
      expiresAt: new Date(sentAt + Number(body.expires_in) * 1000),
    });
  }

  return {
    async getToken() {
      if (current !== undefined && current.expiresAt.getTime() - Date.now() > 30_000) {
        return current;
      }
      inflight ??= requestToken()
        .then((token) => {
          current = token;
          return token;
        })
        .finally(() => {
          inflight = undefined;
        });
      return inflight;
    },
    invalidate(accessToken) {
      if (current?.accessToken === accessToken) current = undefined;
    },
  };
}
