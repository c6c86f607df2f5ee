import { openApiDocument } from '@hm-sdk/openapi';
import type { HttpHandler } from 'msw';
import { AccessTokenAuthority } from './auth/access-tokens.js';
import { ReplayGuard } from './auth/assertion.js';
import { cancelableBrands } from './brands.js';
import { createClock, type MockClock } from './clock.js';
import type { MockContext, RouteId } from './context.js';
import { type ContractDocument, createContract } from './contract/contract.js';
import type { Fault } from './faults/fault.js';
import { FaultQueue, type FaultTarget } from './faults/fault-queue.js';
import { RateLimiter, type RateLimitRule } from './faults/rate-limiter.js';
import { createHandlers } from './handlers.js';
import { type MockApiOptions, resolveSettings } from './options.js';
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
import { type WebhookDelivery, WebhookDispatcher, type WebhookOptions } from './webhooks.js';

/** A stateful mock of the High Mobility API: msw handlers plus the controls a test needs. */
export interface MockApi {
  /** msw request handlers; pass them to `setupServer`, `setupWorker` or `getResponse`. */
  readonly handlers: HttpHandler[];
  /** The mock's clock; `advance` moves time and runs due clearance changes. */
  readonly clock: MockClock;
  /**
   * Requests received since creation or the last `reset()`, oldest first, up to the
   * `requestLogLimit` most recent ones.
   */
  readonly requests: readonly RecordedRequest[];
  /** Webhook deliveries since creation or the last `reset()`, oldest first. */
  readonly webhookDeliveries: readonly WebhookDelivery[];
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
   * any scheduled change for it. Listeners and webhooks see the change.
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
  /**
   * Makes the next `times` requests (default 1, Infinity for all) to `route` fail with `fault`.
   * `'*'` targets every route. Returns the function that removes the fault early.
   */
  injectFault(route: FaultTarget, fault: Fault, options?: { times?: number }): () => void;
  /** Removes every injected fault. */
  clearFaults(): void;
  /** Names a fault, so that a request header `x-hm-mock-scenario: <name>` can select it. */
  defineScenario(name: string, fault: Fault): void;
  /** Sets the rate limit of a route (per app, on mock time), or removes it with `false`. */
  setRateLimit(route: RouteId, rule: RateLimitRule | false): void;
  /** Sets where clearance change events go, or stops webhooks with undefined. */
  configureWebhook(options: WebhookOptions | undefined): void;
  /** Resolves once every webhook delivery started so far has finished. */
  flushWebhooks(): Promise<void>;
  /**
   * Sends an earlier webhook delivery again with the same delivery id, body and signature, to
   * test a receiver's handling of duplicates. Resolves once it was delivered.
   */
  redeliverWebhook(deliveryId: string): Promise<void>;
  /**
   * Drops apps, keys, vehicles, clearances, outcomes, used assertion ids, injected faults, rate
   * counters, webhook deliveries and the request log. Options, scenarios, rate-limit rules, the
   * webhook target and change listeners stay.
   */
  reset(): void;
}

function createOutcomeResolver(vehicles: VehicleRegistry, outcomes: Map<string, ClearanceOutcome>) {
  return (vin: string, brand: string): ClearanceOutcome => {
    const vehicle = vehicles.get(vin);
    const explicit = outcomes.get(vin) ?? vehicle?.clearance;
    if (explicit) return explicit;
    const eligible = vehicle ? vehicle.eligible : brand === 'sandbox';
    return eligible
      ? { status: 'approved' }
      : { status: 'rejected', reason: 'Vehicle is not eligible' };
  };
}

function createContext(
  options: MockApiOptions,
  outcomes: Map<string, ClearanceOutcome>,
): MockContext {
  const settings = resolveSettings(options);
  const clock = createClock({
    mode: options.clock ?? 'real',
    ...(options.startTime === undefined ? {} : { start: options.startTime }),
  });
  const vehicles = new VehicleRegistry();
  const clearances = new ClearanceStore({
    clock,
    approvalDelayMs: settings.approvalDelayMs,
    transitionDelayMs: settings.transitionDelayMs,
    outcomeFor: createOutcomeResolver(vehicles, outcomes),
    isCancelable: (brand) => cancelableBrands.has(brand),
  });
  const webhooks = new WebhookDispatcher();
  webhooks.configure(options.webhook);
  clearances.onChange((change) => webhooks.dispatch(change));
  return {
    settings,
    clock,
    apps: new AppRegistry(),
    vehicles,
    clearances,
    tokens: new AccessTokenAuthority(clock),
    replay: new ReplayGuard(),
    log: [],
    contract: createContract(options.openApiDocument ?? (openApiDocument as ContractDocument)),
    faults: new FaultQueue(),
    scenarios: new Map(),
    rateLimiter: new RateLimiter(clock, options.rateLimits),
    webhooks,
  };
}

/**
 * Creates a mock of the High Mobility API with its own state. Every call returns an independent
 * instance, so concurrent tests do not share apps, vehicles, clearances or faults.
 */
export function createMockApi(options: MockApiOptions = {}): MockApi {
  const outcomes = new Map<string, ClearanceOutcome>();
  const context = createContext(options, outcomes);
  const { apps, vehicles, clearances, clock } = context;

  return {
    handlers: createHandlers(context),
    clock,
    get requests() {
      return context.log;
    },
    get webhookDeliveries() {
      return context.webhooks.deliveries;
    },
    baseUrl: context.settings.baseUrl,
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
    injectFault: (route, fault, faultOptions = {}) =>
      context.faults.add(route, fault, faultOptions.times ?? 1),
    clearFaults: () => context.faults.clear(),
    defineScenario(name, fault) {
      if (!/^[\w-]+$/.test(name)) {
        throw new TypeError(`Invalid scenario name "${name}": use letters, digits, "_" and "-".`);
      }
      context.scenarios.set(name, fault);
    },
    setRateLimit: (route, rule) => context.rateLimiter.set(route, rule),
    configureWebhook: (webhook) => context.webhooks.configure(webhook),
    flushWebhooks: () => context.webhooks.flush(),
    redeliverWebhook: (deliveryId) => context.webhooks.redeliver(deliveryId),
    reset() {
      clock.clearTasks();
      apps.clear();
      vehicles.clear();
      clearances.clear();
      outcomes.clear();
      context.replay.clear();
      context.faults.clear();
      context.rateLimiter.clear();
      context.webhooks.clear();
      context.log.length = 0;
    },
  };
}
