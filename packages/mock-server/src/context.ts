import type { AccessTokenAuthority } from './auth/access-tokens.js';
import type { ReplayGuard } from './auth/assertion.js';
import type { SchedulingClock } from './clock.js';
import type { RecordedRequest } from './request-log.js';
import type { AppRecord, AppRegistry } from './state/apps.js';
import type { ClearanceStore } from './state/clearances.js';
import type { VehicleRegistry } from './state/vehicles.js';

/** Settings of one mock instance after defaults are applied. */
export interface ResolvedSettings {
  /** Base URL without trailing slash, or undefined to match any origin. */
  baseUrl: string | undefined;
  approvalDelayMs: number;
  transitionDelayMs: number;
  iatToleranceSeconds: number;
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
}

/** One request as a route handler sees it. */
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
  handle(request: RouteRequest, context: MockContext): Promise<Response>;
}
