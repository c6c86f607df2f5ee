import type { Middleware } from 'openapi-fetch';
import { type RetryOptions, type RetryPolicy, resolveRetryPolicy } from './retry.js';

/**
 * Options of one call, accepted next to `params` and `body` by `client.request(...)`,
 * `client.api.GET(...)` and the other `client.api` methods.
 */
export interface HmRequestOptions {
  /** Stops the call, including retry waits. */
  signal?: AbortSignal;
  /** Time limit of each attempt in milliseconds, from sending to the end of the body. */
  timeoutMs?: number;
  /** Retry settings for this call, merged over the client's; `false` for a single attempt. */
  retry?: RetryOptions | false;
  /**
   * Marks the call as safe to repeat after a network error or a 503, which the client otherwise
   * does only for idempotent methods such as GET and DELETE.
   */
  idempotent?: boolean;
}

/** Details of one request that the `Request` object does not carry. */
export interface RequestMeta {
  /** `METHOD /path/template`, such as `GET /v1/fleets/vehicles/{vin}`. */
  operation: string;
  timeoutMs: number | undefined;
  retry: RetryOptions | false | undefined;
  idempotent: boolean | undefined;
}

/** Resolved per-call settings. */
export interface CallSettings {
  operation: string;
  timeoutMs: number;
  retry: RetryPolicy;
  idempotent: boolean | undefined;
}

const metaByRequest = new WeakMap<Request, RequestMeta>();

/**
 * Creates the middleware that records each request's operation and per-call options for the
 * transport. openapi-fetch copies options it does not know, such as `timeoutMs`, onto the
 * `Request` object, which is where this reads them.
 */
export function createOperationMiddleware(): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      const extra = request as Request & Partial<Record<keyof HmRequestOptions, unknown>>;
      metaByRequest.set(request, {
        operation: `${request.method} ${schemaPath}`,
        timeoutMs: typeof extra.timeoutMs === 'number' ? extra.timeoutMs : undefined,
        retry: extra.retry as RetryOptions | false | undefined,
        idempotent: typeof extra.idempotent === 'boolean' ? extra.idempotent : undefined,
      });
      return undefined;
    },
  };
}

/**
 * Returns the settings of one call: the recorded per-call options over the client's defaults.
 * A request that a later middleware replaced has no record, so it gets the defaults and an
 * operation named after its concrete path.
 */
export function callSettings(
  request: Request,
  defaults: { timeoutMs: number; retry: RetryPolicy },
): CallSettings {
  const meta = metaByRequest.get(request);
  const timeoutMs = meta?.timeoutMs ?? defaults.timeoutMs;
  assertTimeout(timeoutMs);
  return {
    operation: meta?.operation ?? `${request.method} ${new URL(request.url).pathname}`,
    timeoutMs,
    retry: resolveRetryPolicy(meta?.retry, defaults.retry),
    idempotent: meta?.idempotent,
  };
}

/** Largest delay `setTimeout` supports; a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** @throws TypeError unless `timeoutMs` is a number of milliseconds > 0 that timers support. */
export function assertTimeout(timeoutMs: number): void {
  if (!(typeof timeoutMs === 'number' && timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS)) {
    throw new TypeError(
      `Invalid timeoutMs ${String(timeoutMs)}: pass milliseconds > 0 and at most ${MAX_TIMER_MS}.`,
    );
  }
}
