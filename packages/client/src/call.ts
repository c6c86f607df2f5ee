import { toApiError } from './errors/api-error.js';
import { serializeQuery } from './paths.js';
import type { HmRequestMethod, HmResult } from './result.js';
import type { HmRequestOptions } from './transport/request-options.js';
import { assertTimeout } from './transport/request-options.js';
import { isIdempotentMethod, parseRetryAfter, resolveRetryPolicy } from './transport/retry.js';
import { type OutgoingRequest, send, type TransportSettings } from './transport/transport.js';

/** The `init` argument of `client.request`, as the implementation reads it. */
interface CallInit extends HmRequestOptions {
  params?: {
    path?: Record<string, unknown>;
    query?: Record<string, unknown>;
    header?: Record<string, unknown>;
  };
  body?: unknown;
  headers?:
    | HeadersInit
    | Record<string, string | number | boolean | readonly unknown[] | null | undefined>;
}

/** Path templates split at their `{name}` parameters: odd positions are parameter names. */
const templateParts = new Map<string, string[]>();

/** Replaces each `{name}` of a path template with its URL-encoded parameter. */
function fillPath(template: string, values: Record<string, unknown> = {}): string {
  let parts = templateParts.get(template);
  if (parts === undefined) {
    parts = template.split(/\{([^}]+)\}/);
    templateParts.set(template, parts);
  }
  let path = parts[0] ?? '';
  for (let index = 1; index < parts.length; index += 2) {
    const name = parts[index] as string;
    const value = values[name];
    if (value === undefined || value === null || value === '') {
      throw new TypeError(
        `Missing path parameter "${name}" for ${template}: pass params.path.${name}.`,
      );
    }
    path += encodeURIComponent(String(value)) + (parts[index + 1] ?? '');
  }
  return path;
}

/** Lists the entries of any header form openapi-fetch accepts: Headers, pairs or a record. */
function headerEntries(source: CallInit['headers'] | Record<string, unknown>): [string, string][] {
  if (source === undefined) return [];
  if (source instanceof Headers || Array.isArray(source)) {
    return [...new Headers(source as HeadersInit).entries()];
  }
  return Object.entries(source).flatMap(([name, value]): [string, string][] => {
    if (value === undefined || value === null) return [];
    return [[name, Array.isArray(value) ? value.join(', ') : String(value)]];
  });
}

function buildHeaders(init: CallInit): Record<string, string> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  for (const [name, value] of [
    ...headerEntries(init.params?.header),
    ...headerEntries(init.headers),
  ]) {
    headers[name.toLowerCase()] = value;
  }
  return headers;
}

/** Builds the outgoing request of one `client.request` call. */
function buildRequest(
  settings: TransportSettings & { baseUrl: string },
  method: string,
  path: string,
  init: CallInit,
): OutgoingRequest {
  const query = serializeQuery(init.params?.query ?? {});
  const timeoutMs = init.timeoutMs ?? settings.timeoutMs;
  assertTimeout(timeoutMs);
  return {
    url: `${settings.baseUrl}${fillPath(path, init.params?.path)}${query ? `?${query}` : ''}`,
    method,
    headers: buildHeaders(init),
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
    call: {
      operation: `${method} ${path}`,
      timeoutMs,
      retry: resolveRetryPolicy(init.retry, settings.retry),
      idempotent: init.idempotent,
    },
  };
}

/**
 * Creates `client.request`: it builds the URL, headers and JSON body from the typed arguments,
 * sends them through the transport and returns an {@link HmResult}. It skips openapi-fetch,
 * whose `Request` objects would cost a second copy of every request.
 */
export function createRequestMethod(
  settings: TransportSettings & { baseUrl: string },
): HmRequestMethod {
  const request = async (
    method: string,
    path: string,
    init: CallInit = {},
  ): Promise<HmResult<unknown>> => {
    const outgoing = buildRequest(settings, method.toUpperCase(), path, init);
    const { response, value, attempts } = await send(settings, outgoing);
    const requestId = response.headers.get('x-request-id') ?? undefined;
    if (response.ok) {
      return { ok: true, status: response.status, data: value, response, requestId } as never;
    }
    const apiError = toApiError(outgoing.call.operation, response.status, value, {
      requestId,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), settings.clock.now()),
      attempts,
      idempotent: outgoing.call.idempotent ?? isIdempotentMethod(outgoing.method),
    });
    return {
      ok: false,
      status: response.status,
      error: value,
      apiError,
      response,
      requestId: apiError.requestId,
    } as never;
  };
  return request as HmRequestMethod;
}
