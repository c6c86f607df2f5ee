import type { Logger, TokenProvider } from '@hm-sdk/auth';
import type { Clock } from '../clock.js';
import type { RateGate } from './rate-gate.js';
import type { CallSettings } from './request-options.js';
import type { RetryPolicy } from './retry.js';

/** Everything the transport needs from the client. */
export interface TransportSettings {
  /** Injected `fetch`; when undefined, `globalThis.fetch` is looked up on every attempt. */
  fetch: typeof fetch | undefined;
  tokenProvider: TokenProvider;
  userAgent: string;
  timeoutMs: number;
  retry: RetryPolicy;
  logger: Logger;
  clock: Clock;
  random: () => number;
  gate: RateGate;
  /** Whether a logger was injected, so per-request debug lines are worth building. */
  logsDebug: boolean;
}

/** One outgoing call, built either by `client.request` or from openapi-fetch's `Request`. */
export interface OutgoingRequest {
  url: string;
  method: string;
  /** Request headers; the transport adds `Authorization` and `User-Agent` to a copy. */
  headers: Record<string, string>;
  /** The serialised body, sent as the same bytes by every attempt. */
  body: string | Uint8Array<ArrayBuffer> | undefined;
  signal: AbortSignal | undefined;
  redirect?: RequestRedirect;
  call: CallSettings;
}

/** The final response of a call, its body read and checked. */
export interface ReceivedResponse {
  response: Response;
  /** The body as text; `''` for a response without a body. */
  text: string;
  /** The parsed JSON body, or `undefined` for a response without a body. */
  value: unknown;
  /** Requests sent for the call, retries and the replay after a 401 included. */
  attempts: number;
}

/** State of one call across its attempts. */
export interface CallState {
  readonly outgoing: OutgoingRequest;
  /** Requests sent so far. */
  sent: number;
  /** Retries used so far; the replay after a 401 does not count. */
  retries: number;
  replayedAfter401: boolean;
}
