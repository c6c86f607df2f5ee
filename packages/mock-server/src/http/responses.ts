import { HttpResponse } from 'msw';

/** One item of the API's error list. */
export interface ApiErrorItem {
  title: string;
  detail?: string;
  source?: string;
}

/** Builds an API error response: `{ errors: [...], request_id }`. */
export function apiError(
  status: number,
  requestId: string,
  errors: ApiErrorItem[],
  headers?: Record<string, string>,
): Response {
  return HttpResponse.json(
    { errors, request_id: requestId },
    { status, headers: { 'x-request-id': requestId, ...headers } },
  );
}

/** Builds an OAuth error response: `{ error, error_description }`. */
export function oauthError(status: number, error: string, description: string): Response {
  return HttpResponse.json({ error, error_description: description }, { status });
}

/** Builds a JSON success response that carries the request id as a header. */
export function jsonResponse(body: unknown, requestId: string, status = 200): Response {
  return HttpResponse.json(body as Record<string, unknown>, {
    status,
    headers: { 'x-request-id': requestId },
  });
}
