import { OAuthError, UnexpectedResponseError } from '../errors.js';
import type { Logger } from '../logger.js';
import { excerptBody, maskSecrets } from './excerpt.js';
import { parseRetryAfter } from './retry-after.js';

/** Token fields read from a successful response. */
export interface TokenResponse {
  accessToken: string;
  scopes: string[];
  /** Lifetime in milliseconds, from `expires_in` or a fallback. */
  lifetimeMs: number;
}

/** Context that response parsing needs besides the response itself. */
export interface ResponseContext {
  /** Body as text. */
  text: string;
  /** Wall-clock time for `Retry-After` dates. */
  nowMs: number;
  /** Secret values sent with the request, masked in excerpts. */
  secrets: readonly string[];
  /** Lifetime in seconds used when the response has no usable `expires_in`. */
  fallbackExpiresInSeconds: number;
  attempts: number;
  logger: Logger;
}

// Longer lifetimes are clamped so the expiry stays a valid Date.
const MAX_LIFETIME_SECONDS = 366 * 24 * 60 * 60;

/**
 * Reads a token endpoint response. Returns the token for a 2xx JSON body with an access token,
 * and throws an {@link OAuthError} or {@link UnexpectedResponseError} for anything else.
 */
export function readTokenResponse(response: Response, context: ResponseContext): TokenResponse {
  const body = parseJson(context.text);
  if (!response.ok) {
    throw errorResponse(response, body, context);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw unexpected(
      response,
      context,
      'a body that is not a JSON object',
      excerptBody(context.text, context.secrets),
    );
  }
  const fields = body as Record<string, unknown>;
  const accessToken = fields.access_token;
  if (typeof accessToken !== 'string' || accessToken === '') {
    const names = Object.keys(fields).join(', ') || 'none';
    throw unexpected(
      response,
      context,
      `JSON without an access_token string (fields: ${names})`,
      '',
    );
  }
  const tokenType = fields.token_type;
  if (
    tokenType !== undefined &&
    (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer')
  ) {
    throw unexpected(
      response,
      context,
      `token_type '${String(tokenType)}'; only bearer tokens are supported`,
      '',
    );
  }
  return {
    accessToken,
    scopes: readScopes(fields.scope),
    lifetimeMs: readLifetimeSeconds(fields.expires_in, accessToken, context) * 1000,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorResponse(response: Response, body: unknown, context: ResponseContext): Error {
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), context.nowMs);
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof fields.error === 'string') {
    // The server's own text is masked too, in case it echoes part of the request.
    const error = maskSecrets(fields.error, context.secrets);
    const description =
      typeof fields.error_description === 'string'
        ? maskSecrets(fields.error_description, context.secrets)
        : undefined;
    const detail = description === undefined ? error : `${error}: ${description}`;
    const hint =
      response.status === 400 || response.status === 401
        ? ' Check the credentials and that they belong to this environment (sandbox and production credentials differ).'
        : '';
    return new OAuthError(
      `Token request was rejected with HTTP ${response.status} (${detail}).${hint}`,
      { status: response.status, error, error_description: description, retryAfterMs },
      { attempts: context.attempts },
    );
  }
  const excerpt = excerptBody(context.text, context.secrets);
  const contentType = response.headers.get('content-type');
  const type = contentType === null ? 'no Content-Type' : `Content-Type ${contentType}`;
  const shownBody = excerpt === '' ? 'an empty body' : `body "${excerpt}"`;
  return new UnexpectedResponseError(
    `Token request failed with HTTP ${response.status}, ${type} and ${shownBody}. ${nextStep(response.status, retryAfterMs)}`,
    {
      status: response.status,
      contentType: response.headers.get('content-type') ?? undefined,
      bodyExcerpt: excerpt,
      retryAfterMs,
    },
    { attempts: context.attempts },
  );
}

/** Suggests what to do after an error status that came without an OAuth error body. */
function nextStep(status: number, retryAfterMs: number | undefined): string {
  const wait =
    retryAfterMs === undefined
      ? ''
      : ` The server asked to wait ${Math.ceil(retryAfterMs / 1000)} s.`;
  if (status === 429) {
    return `The token endpoint is rate limiting this client; retry later.${wait}`;
  }
  if (status >= 500) {
    return `The token endpoint or a proxy in front of it failed; retry later.${wait}`;
  }
  return 'Check that the base URL points at the High Mobility API.';
}

function unexpected(
  response: Response,
  context: ResponseContext,
  found: string,
  excerpt: string,
): UnexpectedResponseError {
  const excerptSuffix = excerpt === '' ? '' : `: "${excerpt}"`;
  return new UnexpectedResponseError(
    `Token endpoint returned HTTP ${response.status} with ${found}${excerptSuffix}. Check that the base URL points at the High Mobility API.`,
    {
      status: response.status,
      contentType: response.headers.get('content-type') ?? undefined,
      bodyExcerpt: excerpt,
    },
    { attempts: context.attempts },
  );
}

/** Splits the space-separated `scope` into a list; a list is accepted as it is. */
export function readScopes(scope: unknown): string[] {
  if (typeof scope === 'string') {
    return scope.split(/\s+/).filter((item) => item !== '');
  }
  if (Array.isArray(scope)) {
    return scope.filter((item): item is string => typeof item === 'string' && item !== '');
  }
  return [];
}

/**
 * Reads `expires_in` in seconds: a positive number or numeric string. Otherwise the lifetime is
 * taken from the `exp` and `iat` claims of a JWT access token, which needs no clock agreement
 * with the server, and failing that from the fallback.
 */
export function readLifetimeSeconds(
  expiresIn: unknown,
  accessToken: string,
  context: Pick<ResponseContext, 'fallbackExpiresInSeconds' | 'logger'>,
): number {
  const value =
    typeof expiresIn === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(expiresIn)
      ? Number(expiresIn)
      : expiresIn;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    return Math.min(value, MAX_LIFETIME_SECONDS);
  }
  const fromJwt = jwtLifetimeSeconds(accessToken);
  const seconds = fromJwt ?? context.fallbackExpiresInSeconds;
  context.logger.warn('Token response has no usable expires_in; using another lifetime', {
    expiresIn:
      typeof expiresIn === 'string' || typeof expiresIn === 'number' ? expiresIn : typeof expiresIn,
    lifetimeSeconds: seconds,
    lifetimeSource: fromJwt === undefined ? 'fallback' : 'access token exp - iat',
  });
  return seconds;
}

function jwtLifetimeSeconds(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) {
    return undefined;
  }
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as { exp?: unknown; iat?: unknown };
    if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') {
      return undefined;
    }
    const lifetime = claims.exp - claims.iat;
    return lifetime > 0 && lifetime <= MAX_LIFETIME_SECONDS ? lifetime : undefined;
  } catch {
    return undefined;
  }
}
