import { HttpResponse } from 'msw';
import { accessTokenLifetimeSeconds } from '../auth/access-tokens.js';
import { jwtBearerAssertionType, verifyClientAssertion } from '../auth/assertion.js';
import type { MockContext, RouteDefinition, RouteRequest } from '../context.js';
import { readBody } from '../http/body.js';
import { oauthError } from '../http/responses.js';
import type { AppRecord } from '../state/apps.js';

/** Audiences a client assertion may carry: the configured base URL and the request's origin. */
export function acceptedAudiences(url: URL, context: MockContext): string[] {
  const audiences = [`${url.origin}/v1`];
  const { baseUrl } = context.settings;
  if (baseUrl !== undefined && !audiences.includes(`${baseUrl}/v1`)) {
    audiences.unshift(`${baseUrl}/v1`);
  }
  return audiences;
}

function field(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

async function authenticate(
  body: Record<string, unknown>,
  request: RouteRequest,
  context: MockContext,
): Promise<AppRecord | Response> {
  const invalid = (description: string) => oauthError(400, 'invalid_request', description);
  const clientId = field(body, 'client_id');
  const assertion = field(body, 'client_assertion');
  // RFC 6749, section 2.3: a client must use only one authentication method per request.
  if (assertion !== undefined && field(body, 'client_secret') !== undefined) {
    return invalid(
      'client_secret and client_assertion must not be sent together; authenticate with one of them',
    );
  }
  if (assertion !== undefined) {
    if (body.client_assertion_type !== jwtBearerAssertionType) {
      return invalid(`client_assertion_type must be ${jwtBearerAssertionType}`);
    }
    const result = await verifyClientAssertion(assertion, clientId, {
      apps: context.apps,
      clock: context.clock,
      audiences: acceptedAudiences(request.url, context),
      iatToleranceSeconds: context.settings.iatToleranceSeconds,
      replay: context.replay,
    });
    return result.ok ? result.app : invalid(result.description);
  }
  const secret = field(body, 'client_secret');
  const blank = [
    clientId === undefined ? "client_id can't be blank" : undefined,
    secret === undefined ? "client_secret can't be blank" : undefined,
  ].filter((message) => message !== undefined);
  if (blank.length > 0) return invalid(blank.join(', '));
  const app = context.apps.app(clientId as string);
  if (!app) return invalid('client_id is invalid');
  if (app.clientSecret !== secret) return invalid('client_secret is invalid');
  return app;
}

/** `POST /v1/access_tokens`: the `client_credentials` grant with a secret or a client assertion. */
export const tokenRoute: RouteDefinition = {
  id: 'POST /v1/access_tokens',
  method: 'post',
  path: '/v1/access_tokens',
  async handle(request, context) {
    // The API documents only 400 for this route, so a wrong Content-Type is an invalid_request.
    const parsed = await readBody(request.request, { form: true });
    if (!parsed.ok) return oauthError(400, 'invalid_request', parsed.message);
    const body = parsed.value;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return oauthError(400, 'invalid_request', "grant_type can't be blank");
    }
    // RFC 6749, section 3.2: request parameters must not be included more than once.
    // NOTE: only form bodies are checked, because JSON.parse keeps the last of duplicate keys.
    if (parsed.repeated.length > 0) {
      return oauthError(
        400,
        'invalid_request',
        `${parsed.repeated.join(', ')} must not be repeated; send each parameter once`,
      );
    }

    const fields = body as Record<string, unknown>;
    const grantType = field(fields, 'grant_type');
    if (grantType === undefined)
      return oauthError(400, 'invalid_request', "grant_type can't be blank");
    if (grantType !== 'client_credentials') {
      return oauthError(
        400,
        'unsupported_grant_type',
        `grant_type ${grantType} is not supported by the mock; use client_credentials`,
      );
    }

    const app = await authenticate(fields, request, context);
    if (app instanceof Response) return app;
    request.app = app;

    const accessToken = await context.tokens.issue({
      sub: app.clientId,
      scopes: app.scopes,
      issuer: `${request.url.origin}/v1/auth_tokens`,
    });
    return HttpResponse.json({
      access_token: accessToken,
      expires_in: accessTokenLifetimeSeconds,
      scope: app.scopes.join(' '),
      token_type: 'bearer',
    });
  },
};
