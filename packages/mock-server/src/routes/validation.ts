import type { MockContext, RouteDefinition } from '../context.js';
import type { ValidationIssue } from '../contract/schema-validator.js';
import type { ParsedBody } from '../http/body.js';
import { type ApiErrorItem, apiError } from '../http/responses.js';

/** Turns a route path such as `/v1/fleets/vehicles/:vin` into the document's `{vin}` form. */
export function documentPath(route: RouteDefinition): string {
  return route.path.replace(/:(\w+)/g, '{$1}');
}

/**
 * Checks a parsed body against the request schema the OpenAPI document gives the route. A form
 * body is checked against the form schema, or against the JSON schema when the document has no
 * form schema, because its fields carry the same names.
 */
export function validateBody(
  route: RouteDefinition,
  body: Extract<ParsedBody, { ok: true }>,
  context: MockContext,
): ValidationIssue[] {
  const value = body.kind === 'empty' ? undefined : body.value;
  if (value === undefined) return [{ path: '', message: 'body is missing' }];
  const path = documentPath(route);
  const mediaTypes =
    body.kind === 'form'
      ? ['application/x-www-form-urlencoded', 'application/json']
      : ['application/json'];
  for (const mediaType of mediaTypes) {
    const issues = context.contract.validateRequestBody(route.method, path, mediaType, value);
    if (issues) return issues;
  }
  return [];
}

/** Converts validation issues into API error items that name the field in `source`. */
export function issuesToErrors(issues: ValidationIssue[]): ApiErrorItem[] {
  return issues.map((issue) => ({
    title: 'Invalid input',
    detail: issue.message,
    source: issue.path === '' ? 'body' : issue.path,
  }));
}

/**
 * Reports an invalid request body with 422, the status the API documents for invalid input,
 * with one error per problem.
 */
export function invalidInput(requestId: string, issues: ValidationIssue[]): Response {
  return apiError(422, requestId, issuesToErrors(issues));
}

/**
 * Reports a body that could not be read: 415 for a missing or unsupported `Content-Type`, and
 * 422 for a body that is not valid JSON, pointing at the header or the body.
 */
export function unreadableBody(
  requestId: string,
  failure: Extract<ParsedBody, { ok: false }>,
): Response {
  // NOTE: the API documents no status for a wrong Content-Type; 415 is the HTTP status for it.
  if (failure.unsupportedMediaType) {
    return apiError(415, requestId, [
      { title: 'Unsupported media type', detail: failure.message, source: 'content-type' },
    ]);
  }
  return apiError(422, requestId, [
    { title: 'Invalid input', detail: failure.message, source: 'body' },
  ]);
}
