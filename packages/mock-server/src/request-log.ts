import type { RouteId } from './context.js';

/** One request the mock received, as kept in `MockApi.requests`. */
export interface RecordedRequest {
  /** The `request_id` the mock returned for this request (also sent as `x-request-id`). */
  requestId: string;
  method: string;
  url: string;
  /** URL path, for example `/v1/fleets/vehicles`. */
  path: string;
  route: RouteId;
  /** Request headers with lower-case names; the bearer token is replaced by `[redacted]`. */
  headers: Record<string, string>;
  /**
   * Parsed JSON or form body, or the raw text when it could not be parsed; `client_secret` and
   * `client_assertion` are replaced by `[redacted]`.
   */
  body: unknown;
  /** Mock time (ms since the epoch) when the request arrived. */
  receivedAt: number;
  /** Response status, set once the mock responded; 0 for a simulated network error. */
  status?: number;
  /** Client id of the app the request authenticated as, when known. */
  clientId?: string;
}

const redacted = '[redacted]';
const secretFields = ['client_secret', 'client_assertion'];

/** Builds a log entry from a request without consuming the request's body. */
export async function describeRequest(
  request: Request,
  route: RouteId,
  requestId: string,
  receivedAt: number,
): Promise<RecordedRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = name === 'authorization' ? redactAuthorization(value) : value;
  });
  const text = request.body ? await request.clone().text() : '';
  return {
    requestId,
    method: request.method,
    url: request.url,
    path: url.pathname,
    route,
    headers,
    body: redactBody(parseForLog(text, headers['content-type'] ?? '')),
    receivedAt,
  };
}

function redactAuthorization(value: string): string {
  const [scheme] = value.split(' ');
  return scheme && scheme !== value ? `${scheme} ${redacted}` : redacted;
}

function parseForLog(text: string, contentType: string): unknown {
  if (text === '') return undefined;
  if (contentType.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function redactBody(body: unknown): unknown {
  if (typeof body === 'string') {
    return secretFields.some((field) => body.includes(field)) ? redacted : body;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const field of secretFields) if (field in copy) copy[field] = redacted;
  return copy;
}
