import { type HttpHandler, http } from 'msw';
import type { MockContext, RouteDefinition, RouteId, RouteRequest } from './context.js';
import { applyFault, type Fault, tooManyRequests } from './faults/fault.js';
import { parseScenario, scenarioHeader } from './faults/scenarios.js';
import { apiError } from './http/responses.js';
import { describeRequest } from './request-log.js';
import {
  createClearancesRoute,
  deleteClearanceRoute,
  getClearanceRoute,
  listClearancesRoute,
} from './routes/clearances.js';
import { eligibilityRoute } from './routes/eligibility.js';
import { tokenRoute } from './routes/token.js';
import { vehicleDataRoute } from './routes/vehicle-data.js';

/** Every route the mock serves, in matching order. */
export const routes: readonly RouteDefinition[] = [
  tokenRoute,
  eligibilityRoute,
  createClearancesRoute,
  listClearancesRoute,
  getClearanceRoute,
  deleteClearanceRoute,
  vehicleDataRoute,
];

/** Identifiers of every route, for `injectFault`, `setRateLimit` and the request log. */
export const routeIds: readonly RouteId[] = routes.map((route) => route.id);

const unauthorizedDetail =
  'Missing or invalid authorization header. Send the access token from POST /v1/access_tokens as "Authorization: Bearer <token>".';

const tokenRejectionDetails = {
  malformed: 'Invalid token: the access token is not a well-formed JWT',
  wrong_algorithm: 'Invalid token: the access token must be signed with ES256',
  bad_signature: 'Invalid token: the access token signature does not verify',
  expired: 'Token expired: request a new access token',
} as const;

/** Checks the bearer token and scope; returns an error response, or undefined when allowed. */
async function authorize(
  route: RouteDefinition,
  routeRequest: RouteRequest,
  context: MockContext,
): Promise<Response | undefined> {
  if (route.scope === undefined) return undefined;
  const { requestId } = routeRequest;
  const deny = (detail: string, status = 401) =>
    apiError(status, requestId, [
      { title: status === 401 ? 'Not authorized' : 'Forbidden', detail, source: 'Authorization' },
    ]);
  const header = routeRequest.request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return deny(unauthorizedDetail);
  const claims = await context.tokens.verify(match[1]);
  if (typeof claims === 'string') return deny(tokenRejectionDetails[claims]);
  const app = context.apps.app(claims.sub);
  if (!app) return deny('Invalid token: the app that owns this token is no longer registered');
  routeRequest.app = app;
  if (!claims.scopes.includes(route.scope)) {
    return deny(
      `The access token lacks the scope ${route.scope}; register the app with that scope.`,
      route.scopeDeniedStatus ?? 403,
    );
  }
  return undefined;
}

/** Picks the fault for this request: the scenario header first, then the queued faults. */
function selectFault(
  route: RouteDefinition,
  request: Request,
  context: MockContext,
): Fault | { invalid: string } | undefined {
  const header = request.headers.get(scenarioHeader);
  if (header !== null && header.trim() !== '') {
    const parsed = parseScenario(header, context.scenarios);
    return parsed.ok ? parsed.fault : { invalid: parsed.message };
  }
  return context.faults.take(route.id);
}

/** Runs the route after faults, authorization and rate limiting. */
async function respond(
  route: RouteDefinition,
  routeRequest: RouteRequest,
  context: MockContext,
): Promise<Response> {
  const { request, requestId } = routeRequest;
  const fault = selectFault(route, request, context);
  if (fault && 'invalid' in fault) {
    return apiError(400, requestId, [
      { title: 'Invalid mock scenario', detail: fault.invalid, source: scenarioHeader },
    ]);
  }
  if (fault) {
    // The token endpoint reports errors in the OAuth shape, every other route in the API's shape.
    const style = route.scope === undefined ? 'oauth' : 'api';
    const response = await applyFault(fault, requestId, style);
    if (response) return response;
  }
  const denied = await authorize(route, routeRequest, context);
  if (denied) return denied;
  if (routeRequest.app) {
    const limit = context.rateLimiter.hit(route.id, routeRequest.app.clientId);
    if (!limit.allowed) return tooManyRequests(requestId, limit.retryAfterSeconds);
  }
  return route.handle(routeRequest, context);
}

/** Runs one route for one request and records it in the request log. */
async function serve(
  route: RouteDefinition,
  request: Request,
  params: Record<string, string>,
  context: MockContext,
): Promise<Response> {
  const requestId = crypto.randomUUID();
  context.clock.runDueTasks();
  const entry = await describeRequest(request, route.id, requestId, context.clock.now());
  context.log.push(entry);
  if (context.log.length > context.settings.requestLogLimit) {
    context.log.splice(0, context.log.length - context.settings.requestLogLimit);
  }
  const routeRequest: RouteRequest = { request, url: new URL(request.url), params, requestId };
  const response = await respond(route, routeRequest, context);
  // A network error response has type "error" and status 0.
  entry.status = response.status;
  if (routeRequest.app) entry.clientId = routeRequest.app.clientId;
  try {
    context.settings.onRequest?.(entry);
  } catch {
    // A failing observer must not change the response the client gets.
  }
  return response;
}

/** Turns a path into an msw pattern: any origin, or the configured base URL. */
function pattern(path: string, baseUrl: string | undefined): string {
  return `${baseUrl ?? '*'}${path}`;
}

/** Builds the msw request handlers of one mock instance. */
export function createHandlers(context: MockContext): HttpHandler[] {
  return routes.map((route) =>
    http[route.method](pattern(route.path, context.settings.baseUrl), ({ request, params }) =>
      serve(route, request, params as Record<string, string>, context),
    ),
  );
}
