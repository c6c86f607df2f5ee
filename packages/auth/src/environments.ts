/** Base URLs of the two High Mobility environments, without a trailing slash. */
export const environments = {
  sandbox: 'https://sandbox.api.high-mobility.com',
  production: 'https://api.high-mobility.com',
} as const;

/** Name of a High Mobility environment: a key of {@link environments}. */
export type HmEnvironment = keyof typeof environments;

/** Options that select the API origin: a named environment or an explicit base URL. */
export interface BaseUrlOptions {
  /** Named environment. Defaults to `'sandbox'` when `baseUrl` is not set. */
  environment?: HmEnvironment;
  /** Any base URL, for example a mock server on 127.0.0.1. Takes precedence over `environment`. */
  baseUrl?: string;
}

/**
 * Resolves the API base URL from an environment name or an explicit URL.
 *
 * The result has no trailing slash, so `${baseUrl}/v1/...` never contains `//v1`. A trailing
 * `/v1` segment is removed as well, because every path this SDK builds adds `/v1` itself.
 *
 * @example
 * ```ts
 * resolveBaseUrl({ environment: 'production' }); // 'https://api.high-mobility.com'
 * resolveBaseUrl({ baseUrl: 'http://127.0.0.1:4010/v1/' }); // 'http://127.0.0.1:4010'
 * ```
 * @throws TypeError when the environment is unknown or the base URL is not an absolute
 *   http(s) URL without credentials, query or fragment.
 */
export function resolveBaseUrl(options: BaseUrlOptions = {}): string {
  const { environment, baseUrl } = options;
  if (baseUrl !== undefined) {
    return normaliseBaseUrl(baseUrl);
  }
  const name = environment ?? 'sandbox';
  if (!Object.hasOwn(environments, name)) {
    const known = Object.keys(environments).join("', '");
    throw new TypeError(
      `Unknown High Mobility environment '${String(name)}'. Use one of '${known}', or pass baseUrl.`,
    );
  }
  return environments[name];
}

function normaliseBaseUrl(baseUrl: string): string {
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
    throw new TypeError(
      'baseUrl must be a non-empty string such as https://api.high-mobility.com.',
    );
  }
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new TypeError(
      `baseUrl '${baseUrl}' is not an absolute URL. Include the scheme, as in https://api.high-mobility.com.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`baseUrl '${baseUrl}' must use http or https, not ${url.protocol}.`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new TypeError(
      'baseUrl must not contain a user name or password. Pass credentials to createCredentials.',
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new TypeError(`baseUrl '${baseUrl}' must not contain a query string or fragment.`);
  }
  // Collapse repeated slashes and drop trailing ones, then drop one trailing /v1 segment.
  const path = url.pathname
    .replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '')
    .replace(/\/v1$/i, '');
  return `${url.origin}${path}`;
}
