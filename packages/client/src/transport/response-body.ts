import {
  excerpt,
  ResponseParseError,
  UnexpectedContentTypeError,
  type UnusableResponseFields,
} from '../errors/response-errors.js';
import { retryAdvice } from '../errors/retry-advice.js';

/** Request details for the body check. */
export interface BodyCheckContext {
  method: string;
  operation: string;
  attempts: number;
  /** Whether the call could be retried, which decides the advice in the error message. */
  idempotent: boolean;
}

/** Statuses that never have a body (RFC 9110, sections 15.3.5, 15.3.6 and 15.4.5). */
const BODILESS_STATUSES = new Set([204, 205, 304]);

/** Operations whose documented success response has an empty body. */
const EMPTY_SUCCESS_OPERATIONS = new Set(['DELETE /v1/access_tokens']);

/**
 * Returns the media type of a `Content-Type` header in lower case, without parameters such as
 * `charset`; `''` when the header is missing.
 */
export function mediaTypeOf(contentType: string | null): string {
  return (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

/** Checks whether a media type is JSON: `application/json` or a `+json` type. */
export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || /^application\/[\w.-]+\+json$/.test(mediaType);
}

/**
 * Checks that a body is what the API contract promises (JSON, non-empty and well formed) and
 * returns it parsed. A response without a body by definition returns `undefined`.
 *
 * @throws UnexpectedContentTypeError for a body that is not JSON, such as a proxy's HTML page.
 * @throws ResponseParseError for an empty body or invalid JSON.
 */
export function readJsonBody(response: Response, text: string, context: BodyCheckContext): unknown {
  if (BODILESS_STATUSES.has(response.status) || context.method === 'HEAD') return undefined;
  const fields = (): UnusableResponseFields => ({
    status: response.status,
    contentType: response.headers.get('content-type') ?? undefined,
    bodyExcerpt: excerpt(text),
    requestId: response.headers.get('x-request-id') ?? undefined,
  });
  const options = { operation: context.operation, attempts: context.attempts };
  const label = `${context.operation} returned HTTP ${response.status}`;
  const advice = (retryHint: string) => retryAdvice(context, retryHint);

  if (text === '') {
    if (response.ok && EMPTY_SUCCESS_OPERATIONS.has(context.operation)) return undefined;
    throw new ResponseParseError(
      `${label} with an empty body where the API sends JSON, so the API or a proxy in front of it is failing. ${advice('Retry later.')}`,
      'empty-body',
      fields(),
      options,
    );
  }
  const mediaType = mediaTypeOf(response.headers.get('content-type'));
  // A missing Content-Type is tolerated when the body parses as JSON.
  if (mediaType !== '' && !isJsonMediaType(mediaType)) {
    throw new UnexpectedContentTypeError(
      `${label} with a ${mediaType} body instead of JSON: "${excerpt(text)}". The response probably came from a proxy or gateway in front of the API. ${advice('Retry later.')}`,
      fields(),
      options,
    );
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ResponseParseError(
      `${label} with a body that is not valid JSON: "${excerpt(text)}". The response was probably cut off. ${advice('Retry the request.')}`,
      'invalid-json',
      fields(),
      { ...options, cause },
    );
  }
}
