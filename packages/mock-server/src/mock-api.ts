import type { HttpHandler } from 'msw';
import { AccessTokenAuthority } from './auth/access-tokens.js';
import { ReplayGuard } from './auth/assertion.js';
import { cancelableBrands } from './brands.js';
import { createClock, type MockClock } from './clock.js';
import type { MockContext, ResolvedSettings } from './context.js';
import { createHandlers } from './handlers.js';
import type { RecordedRequest } from './request-log.js';
import {
  AppRegistry,
  type RegisterAppInput,
  type RegisteredApp,
  type RegisterPrivateKeyInput,
} from './state/apps.js';
import {
  type ClearanceChange,
  type ClearanceOutcome,
  type ClearanceRecord,
  type ClearanceStatus,
  ClearanceStore,
} from './state/clearances.js';
import { type AddVehicleInput, VehicleRegistry } from './state/vehicles.js';

/** Options of {@link createMockApi}. */
export interface MockApiOptions {
  /**
   * Base URL the handlers answer on, for example `'https://sandbox.api.high-mobility.com'`.
   * When omitted, the handlers match the API paths under any origin.
   */
  baseUrl?: string;
  /** Delay in mock-time milliseconds before a pending clearance reaches its outcome; default 1500. */
  approvalDelayMs?: number;
  /** Delay from revoking to revoked and from canceling to canceled; defaults to `approvalDelayMs`. */
  transitionDelayMs?: number;
  /** Maximum distance between an assertion's `iat` and mock time, in seconds; default 300. */
  assertionIatToleranceSeconds?: number;
  /** `'real'` (default) follows the wall clock; `'manual'` moves only through `mock.clock`. */
  clock?: 'real' | 'manual';
  /** Start time of a manual clock; defaults to the wall clock at creation. */
  startTime?: Date | number;
}

/** A stateful mock of the High Mobility API: msw handlers plus the controls a test needs. */
export interface MockApi {
  /** msw request handlers; pass them to `setupServer`, `setupWorker` or `getResponse`. */
  readonly handlers: HttpHandler[];
  /** The mock's clock; `advance` moves time and runs due clearance changes. */
  readonly clock: MockClock;
  /** Requests received since creation or the last `reset()`, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** Base URL the handlers are narrowed to, if any. */
  readonly baseUrl: string | undefined;
  /** Registers an app that can get tokens with its client id and secret. */
  registerApp(input?: RegisterAppInput): RegisteredApp;
  /** Registers a public key whose private half signs client assertions (`iss` = key id). */
  registerPrivateKey(input: RegisterPrivateKeyInput): { privateKeyId: string; clientId: string };
  /** Adds or replaces a vehicle with its eligibility, clearance outcome and data. */
  addVehicle(input: AddVehicleInput): void;
  /** Sets what happens to clearances requested for `vin` from now on. */
  setClearanceOutcome(vin: string, outcome: ClearanceOutcome): void;
  /**
   * Sets the clearance status of `vin` by hand (creating the clearance when needed) and drops
   * any scheduled change for it.
   */
  setClearanceStatus(
    vin: string,
    status: ClearanceStatus,
    options?: { reason?: string; brand?: string },
  ): void;
  /** Returns a copy of the clearance of `vin`, or undefined. */
  getClearance(vin: string): ClearanceRecord | undefined;
  /** Returns the public key that verifies the access tokens this mock issues. */
  getAccessTokenPublicKey(): Promise<CryptoKey>;
  /** Subscribes to clearance status changes; returns the function that unsubscribes. */
  onClearanceChange(listener: (change: ClearanceChange) => void): () => void;
  /** Drops apps, keys, vehicles, clearances, outcomes, used assertion ids and the request log. */
  reset(): void;
}

function resolveSettings(options: MockApiOptions): ResolvedSettings {
  const approvalDelayMs = options.approvalDelayMs ?? 1500;
  for (const [name, value] of Object.entries({
    approvalDelayMs,
    transitionDelayMs: options.transitionDelayMs,
    assertionIatToleranceSeconds: options.assertionIatToleranceSeconds,
  })) {
    if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
      throw new RangeError(`Invalid ${name} ${value}: pass a finite number >= 0.`);
    }
  }
  let baseUrl: string | undefined;
  if (options.baseUrl !== undefined) {
    const parsed = new URL(options.baseUrl);
    baseUrl = `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
  }
  return {
    baseUrl,
    approvalDelayMs,
    transitionDelayMs: options.transitionDelayMs ?? approvalDelayMs,
    iatToleranceSeconds: options.assertionIatToleranceSeconds ?? 300,
  };
}

/**
 * Creates a mock of the High Mobility API with its own state. Every call returns an independent
 * instance, so concurrent tests do not share apps, vehicles or clearances.
 */
export function createMockApi(options: MockApiOptions = {}): MockApi {
  const settings = resolveSettings(options);
  const clock = createClock({
    mode: options.clock ?? 'real',
    ...(options.startTime === undefined ? {} : { start: options.startTime }),
  });
  const apps = new AppRegistry();
  const vehicles = new VehicleRegistry();
  const outcomes = new Map<string, ClearanceOutcome>();

  const outcomeFor = (vin: string, brand: string): ClearanceOutcome => {
    const explicit = outcomes.get(vin) ?? vehicles.get(vin)?.clearance;
    if (explicit) return explicit;
    const vehicle = vehicles.get(vin);
    const eligible = vehicle ? vehicle.eligible : brand === 'sandbox';
    return eligible
      ? { status: 'approved' }
      : { status: 'rejected', reason: 'Vehicle is not eligible' };
  };

  const clearances = new ClearanceStore({
    clock,
    approvalDelayMs: settings.approvalDelayMs,
    transitionDelayMs: settings.transitionDelayMs,
    outcomeFor,
    isCancelable: (brand) => cancelableBrands.has(brand),
  });
  const context: MockContext = {
    settings,
    clock,
    apps,
    vehicles,
    clearances,
    tokens: new AccessTokenAuthority(clock),
    replay: new ReplayGuard(),
    log: [],
  };

  return {
    handlers: createHandlers(context),
    clock,
    get requests() {
      return context.log;
    },
    baseUrl: settings.baseUrl,
    registerApp: (input) => apps.registerApp(input),
    registerPrivateKey: (input) => apps.registerPrivateKey(input),
    addVehicle(input) {
      vehicles.add(input);
    },
    setClearanceOutcome(vin, outcome) {
      outcomes.set(vin, outcome);
    },
    setClearanceStatus(vin, status, extra = {}) {
      const brand = extra.brand ?? vehicles.get(vin)?.brand ?? 'sandbox';
      clearances.setStatus(vin, status, brand, extra.reason);
    },
    getClearance(vin) {
      const record = clearances.get(vin);
      return record && structuredClone(record);
    },
    getAccessTokenPublicKey: () => context.tokens.publicKey(),
    onClearanceChange: (listener) => clearances.onChange(listener),
    reset() {
      clock.clearTasks();
      apps.clear();
      vehicles.clear();
      clearances.clear();
      outcomes.clear();
      context.replay.clear();
      context.log.length = 0;
    },
  };
}
