import type { AccessTokenAuthority } from './auth/access-tokens.js';
import type { ReplayGuard } from './auth/assertion.js';
import type { SchedulingClock } from './clock.js';
import type { Contract } from './contract/contract.js';
import type { Fault } from './faults/fault.js';
import type { FaultQueue } from './faults/fault-queue.js';
import type { RateLimiter } from './faults/rate-limiter.js';
import type { RecordedRequest } from './request-log.js';
import type { AppRecord, AppRegistry } from './state/apps.js';
import type { ClearanceStore } from './state/clearances.js';
import type { VehicleRegistry } from './state/vehicles.js';
import type { WebhookDispatcher } from './webhooks.js';

/** Settings of one mock instance after defaults are applied. */
export interface ResolvedSettings {
  /** Base URL without trailing slash, or undefined to match any origin. */
  baseUrl: string | undefined;
  approvalDelayMs: number;
  transitionDelayMs: number;
  iatToleranceSeconds: number;
  requestLogLimit: number;
  onRequest: ((entry: RecordedRequest) => void) | undefined;
}

/** Everything one mock instance owns; route handlers receive it. */
export interface MockContext {
  settings: ResolvedSettings;
  clock: SchedulingClock;
  apps: AppRegistry;
  vehicles: VehicleRegistry;
  clearances: ClearanceStore;
  tokens: AccessTokenAuthority;
  replay: ReplayGuard;
  log: RecordedRequest[];
  /** Request and response checks against the OpenAPI document. */
  contract: Contract;
  faults: FaultQueue;
  /** Scenarios defined with `defineScenario`, by name. */
  scenarios: Map<string, Fault>;
  rateLimiter: RateLimiter;
  webhooks: WebhookDispatcher;
}

/** One request, as passed to a route handler. */
export interface RouteRequest {
  request: Request;
  url: URL;
  params: Record<string, string>;
  requestId: string;
  /** The app the bearer token belongs to, on protected routes. */
  app?: AppRecord;
}

/** Identifier of a route: method and path template, for example `'GET /v1/fleets/vehicles/:vin'`. */
export type RouteId =
  | 'POST /v1/access_tokens'
  | 'POST /v1/eligibility'
  | 'POST /v1/fleets/vehicles'
  | 'GET /v1/fleets/vehicles'
  | 'GET /v1/fleets/vehicles/:vin'
  | 'DELETE /v1/fleets/vehicles/:vin'
  | 'GET /v1/vehicle-data/autoapi-13/:vin';

/** A route of the mock API. */
export interface RouteDefinition {
  id: RouteId;
  method: 'get' | 'post' | 'delete';
  path: string;
  /** Scope the bearer token must carry; undefined for the token endpoint. */
  scope?: string;
  /**
   * Status for a token without `scope`: 403 where the API documents it, 401 on routes whose
   * only documented auth failure is 401 (eligibility). Defaults to 403.
   */
  scopeDeniedStatus?: 401 | 403;
  handle(request: RouteRequest, context: MockContext): Promise<Response>;
}
