import { delay, HttpResponse } from 'msw';

/**
 * A failure the mock produces in place of (or before) its normal response. Every kind accepts
 * `delayMs`, a wait in real milliseconds before the fault takes effect.
 */
export type Fault =
  /** A response with this status; `body` is sent as JSON, or as text when it is a string. */
  | {
      type: 'status';
      status: number;
      body?: unknown;
      headers?: Record<string, string>;
      delayMs?: number;
    }
  /** Added latency; the normal response follows. */
  | { type: 'latency'; delayMs: number }
  /** A network failure: fetch rejects, and the HTTP listener drops the connection. */
  | { type: 'network-error'; delayMs?: number }
  /** A 502 with an HTML page, as a proxy in front of the API would send. */
  | { type: 'html-502'; delayMs?: number }
  /** A 500 with an empty body. */
  | { type: 'empty-500'; delayMs?: number }
  /** A response with `content-type: application/json` whose body is cut off; status 200 by default. */
  | { type: 'malformed-json'; status?: number; delayMs?: number }
  /** A 429 in the API's error shape with `Retry-After` (seconds, default 30). */
  | { type: 'rate-limit'; retryAfterSeconds?: number; delayMs?: number };

const statusTitles: Record<number, string> = {
  400: 'Bad request',
  401: 'Not authorized',
  403: 'Forbidden',
  404: 'Not found',
  408: 'Request timeout',
  409: 'Conflict',
  422: 'Unprocessable entity',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

/** Returns the usual title for an HTTP status, used in generated error bodies. */
export function statusTitle(status: number): string {
  return statusTitles[status] ?? `HTTP ${status}`;
}

/** Error body style of a route: the API's `{errors, request_id}` or OAuth's `{error, error_description}`. */
export type ErrorStyle = 'api' | 'oauth';

const oauthCodes: Record<number, string> = { 429: 'slow_down', 503: 'temporarily_unavailable' };

/** Builds an error body in the route's style for a generated fault response. */
function errorBody(
  style: ErrorStyle,
  status: number,
  detail: string,
  requestId: string,
): Record<string, unknown> {
  if (style === 'oauth') {
    const error = oauthCodes[status] ?? (status >= 500 ? 'server_error' : 'invalid_request');
    return { error, error_description: detail };
  }
  return { errors: [{ title: statusTitle(status), detail }], request_id: requestId };
}

/** Builds a 429 in the route's error style with `Retry-After`. */
export function tooManyRequests(
  requestId: string,
  retryAfterSeconds: number,
  style: ErrorStyle = 'api',
): Response {
  return HttpResponse.json(errorBody(style, 429, `retry after ${retryAfterSeconds}s`, requestId), {
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds), 'x-request-id': requestId },
  });
}

function statusResponse(
  fault: Extract<Fault, { type: 'status' }>,
  requestId: string,
  style: ErrorStyle,
): Response {
  const headers = { 'x-request-id': requestId, ...fault.headers };
  if (fault.status === 204 || fault.status === 304) {
    return new HttpResponse(null, { status: fault.status, headers });
  }
  if (typeof fault.body === 'string') {
    return new HttpResponse(fault.body, {
      status: fault.status,
      headers: { 'content-type': 'text/plain', ...headers },
    });
  }
  const body = fault.body ?? errorBody(style, fault.status, 'Injected by the mock', requestId);
  return HttpResponse.json(body as Record<string, unknown>, { status: fault.status, headers });
}

const badGatewayPage =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>' +
  '<body><h1>502 Bad Gateway</h1><p>The upstream server did not respond.</p></body></html>\n';

/**
 * Applies a fault: waits `delayMs`, then returns the fault's response, or undefined for a
 * latency fault so that the normal response follows. Generated error bodies follow `style`.
 */
export async function applyFault(
  fault: Fault,
  requestId: string,
  style: ErrorStyle = 'api',
): Promise<Response | undefined> {
  if (fault.delayMs !== undefined && fault.delayMs > 0) await delay(fault.delayMs);
  switch (fault.type) {
    case 'latency':
      return undefined;
    case 'status':
      return statusResponse(fault, requestId, style);
    case 'network-error':
      return HttpResponse.error();
    case 'html-502':
      return new HttpResponse(badGatewayPage, {
        status: 502,
        headers: { 'content-type': 'text/html; charset=utf-8' },
      });
    case 'empty-500':
      return new HttpResponse(null, { status: 500 });
    case 'malformed-json':
      return new HttpResponse('{"errors":[{"title":"Trunc', {
        status: fault.status ?? 200,
        headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      });
    case 'rate-limit':
      return tooManyRequests(requestId, fault.retryAfterSeconds ?? 30, style);
  }
}
