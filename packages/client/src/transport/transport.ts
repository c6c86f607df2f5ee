import type { Logger, TokenProvider } from '@hm-sdk/auth';
import type { Clock } from '../clock.js';
import { abortFailure, NetworkError, TimeoutError } from '../errors/transport-errors.js';
import type { RateGate } from './rate-gate.js';
import { type CallSettings, callSettings } from './request-options.js';
import { type BufferedResponse, checkResponseBody } from './response-body.js';
import { backoffDelayMs, isIdempotentMethod, parseRetryAfter, type RetryPolicy } from './retry.js';

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
}

/** State of one call across its attempts. */
interface CallState {
  readonly call: CallSettings;
  readonly request: Request;
  readonly body: Uint8Array<ArrayBuffer> | undefined;
  /** Requests sent so far. */
  sent: number;
  /** Retries used so far; the replay after a 401 does not count. */
  retries: number;
  replayedAfter401: boolean;
}

/** Abort reason of a per-attempt timeout, distinct from any reason the caller can pass. */
const attemptTimedOut = Symbol('attempt timed out');

/**
 * Creates the `fetch` that openapi-fetch calls. It adds the bearer token and `User-Agent`, and
 * replays the buffered body once with a new token after a 401. It retries as the policy allows,
 * times out each attempt and checks the final body before openapi-fetch parses it.
 */
export function createTransport(
  settings: TransportSettings,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const call = callSettings(request, settings);
    try {
      return await sendWithRetries(settings, request, call);
    } catch (error) {
      const { signal } = request;
      if (signal.aborted && error === signal.reason) {
        throw abortFailure(error, { what: call.operation, operation: call.operation });
      }
      throw error;
    }
  };
}

async function sendWithRetries(
  settings: TransportSettings,
  request: Request,
  call: CallSettings,
): Promise<Response> {
  // Buffered once, so every attempt, the replay after a 401 included, sends the same bytes.
  const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
  const state: CallState = { call, request, body, sent: 0, retries: 0, replayedAfter401: false };
  const { clock, logger } = settings;
  for (;;) {
    await settings.gate.wait(request.signal);
    const token = await settings.tokenProvider.getToken({ signal: request.signal });
    const startedAt = clock.now();
    state.sent += 1;
    let buffered: BufferedResponse;
    try {
      buffered = await sendOnce(settings, state, token.accessToken);
    } catch (error) {
      await waitBeforeRetryAfterFailure(settings, state, error);
      continue;
    }
    const { status } = buffered.response;
    if (status === 401 && !state.replayedAfter401) {
      state.replayedAfter401 = true;
      settings.tokenProvider.invalidate(token.accessToken);
      logger.info('Got HTTP 401; replaying the request once with a new access token', {
        operation: call.operation,
      });
      continue;
    }
    if (shouldRetryStatus(settings, state, buffered.response)) continue;
    logger.debug('Request finished', {
      operation: call.operation,
      status,
      attempts: state.sent,
      durationMs: clock.now() - startedAt,
      requestId: buffered.response.headers.get('x-request-id') ?? undefined,
    });
    return checkResponseBody(buffered, {
      method: request.method,
      operation: call.operation,
      attempts: state.sent,
    });
  }
}

/** Sends one attempt and reads its whole body, both within the attempt's timeout. */
async function sendOnce(
  settings: TransportSettings,
  state: CallState,
  accessToken: string,
): Promise<BufferedResponse> {
  const { request, call } = state;
  const outer = request.signal;
  const controller = new AbortController();
  const forwardAbort = () => controller.abort(outer.reason);
  outer.addEventListener('abort', forwardAbort, { once: true });
  const timer = setTimeout(() => controller.abort(attemptTimedOut), call.timeoutMs);
  try {
    outer.throwIfAborted();
    const headers = new Headers(request.headers);
    headers.set('Authorization', `Bearer ${accessToken}`);
    headers.set('User-Agent', settings.userAgent);
    // Looked up here, not at construction, so a fetch mock installed later is still used.
    const fetchImpl = settings.fetch ?? globalThis.fetch;
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers,
      body: state.body,
      signal: controller.signal,
      redirect: request.redirect,
    });
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  } catch (error) {
    if (outer.aborted) throw outer.reason;
    const options = { operation: call.operation, attempts: state.sent, cause: error };
    if (controller.signal.reason === attemptTimedOut) {
      throw new TimeoutError(
        `${call.operation} timed out after ${call.timeoutMs} ms (attempt ${state.sent}). Raise timeoutMs if the API is slow.`,
        call.timeoutMs,
        { ...options, cause: undefined },
      );
    }
    throw new NetworkError(
      `${call.operation} failed before a response arrived: ${describeCause(error)}. Check the network and the base URL.`,
      options,
    );
  } finally {
    clearTimeout(timer);
    outer.removeEventListener('abort', forwardAbort);
  }
}

function describeCause(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? `${message} (${cause.code})` : message;
}

function isIdempotent(state: CallState): boolean {
  return state.call.idempotent ?? isIdempotentMethod(state.request.method);
}

/**
 * Waits before retrying a network error or timeout of an idempotent call, or rethrows the
 * error when no retry is allowed.
 */
async function waitBeforeRetryAfterFailure(
  settings: TransportSettings,
  state: CallState,
  error: unknown,
): Promise<void> {
  const retryable = error instanceof NetworkError || error instanceof TimeoutError;
  const { call } = state;
  if (!retryable || !isIdempotent(state) || state.retries + 1 >= call.retry.maxAttempts) {
    throw error;
  }
  state.retries += 1;
  const delayMs = backoffDelayMs(call.retry, state.retries, settings.random);
  settings.logger.warn('Request failed; retrying', {
    operation: call.operation,
    code: error.code,
    attempt: state.sent,
    delayMs: Math.round(delayMs),
  });
  await settings.clock.sleep(delayMs, state.request.signal);
}

/**
 * Handles a 429 or 503: pauses the client for the `Retry-After` time (or a backoff when there is
 * none) and returns whether to send the call again. A 429 is retried for every method, because
 * the API rejected the request without acting on it; a 503 only for idempotent calls. Returns
 * false, so the response reaches the caller, when the retries are used up or `Retry-After`
 * exceeds `maxRetryAfterMs`.
 */
function shouldRetryStatus(
  settings: TransportSettings,
  state: CallState,
  response: Response,
): boolean {
  const { status } = response;
  if (status !== 429 && status !== 503) return false;

  const { call } = state;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), settings.clock.now());
  if (retryAfterMs !== undefined && retryAfterMs > call.retry.maxRetryAfterMs) {
    settings.logger.warn('Not retrying: Retry-After is longer than retry.maxRetryAfterMs', {
      operation: call.operation,
      status,
      retryAfterMs,
      maxRetryAfterMs: call.retry.maxRetryAfterMs,
    });
    return false;
  }

  const delayMs =
    retryAfterMs === undefined
      ? backoffDelayMs(call.retry, state.retries + 1, settings.random)
      : // A little jitter spreads out clients that received the same Retry-After.
        retryAfterMs + settings.random() * Math.min(1_000, retryAfterMs * 0.05);
  settings.gate.pause({ operation: call.operation, status, delayMs });

  const allowed = status === 429 || isIdempotent(state);
  if (!allowed || state.retries + 1 >= call.retry.maxAttempts) return false;
  state.retries += 1;
  settings.logger.warn(`Got HTTP ${status}; retrying after the pause`, {
    operation: call.operation,
    attempt: state.sent,
    delayMs: Math.round(delayMs),
    retryAfterMs,
  });
  // The gate makes the next loop iteration wait for the pause.
  return true;
}
