import type { ResolvedSettings } from './context.js';
import type { ContractDocument } from './contract/contract.js';
import type { RateLimitSettings } from './faults/rate-limiter.js';
import type { RecordedRequest } from './request-log.js';
import type { WebhookOptions } from './webhooks.js';

/** Options of `createMockApi`. */
export interface MockApiOptions {
  /**
   * Base URL the handlers match, for example `'https://sandbox.api.high-mobility.com'`.
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
  /**
   * Rate limits per route and app, on mock time. By default the single-clearance route allows
   * 60 requests per minute per app; pass `false` for a route to turn its limit off.
   */
  rateLimits?: RateLimitSettings;
  /** Webhook delivery of clearance changes; can also be set later with `configureWebhook`. */
  webhook?: WebhookOptions;
  /**
   * Called after each response with the request's log entry (secrets redacted), for example to
   * print one line per request from a CLI. An exception it throws is ignored.
   */
  onRequest?: (entry: RecordedRequest) => void;
  /**
   * Maximum number of entries in `mock.requests`; the oldest entries are dropped first, so a
   * long-running server keeps bounded memory. Default 1000.
   */
  requestLogLimit?: number;
  /**
   * OpenAPI document that requests are validated against; defaults to `openApiDocument` from
   * `@hm-sdk/openapi`.
   */
  openApiDocument?: ContractDocument;
}

/** Applies defaults and checks the numeric options. */
export function resolveSettings(options: MockApiOptions): ResolvedSettings {
  const approvalDelayMs = options.approvalDelayMs ?? 1500;
  for (const [name, value] of Object.entries({
    approvalDelayMs,
    transitionDelayMs: options.transitionDelayMs,
    assertionIatToleranceSeconds: options.assertionIatToleranceSeconds,
    requestLogLimit: options.requestLogLimit,
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
    requestLogLimit: options.requestLogLimit ?? 1000,
    onRequest: options.onRequest,
  };
}
