import { abortFailure, NetworkError, TimeoutError } from '../errors/transport-errors.js';
import { readJsonBody } from './response-body.js';
import { isIdempotent, shouldRetryStatus, waitBeforeRetryAfterFailure } from './retry-decisions.js';
import type { CallState, OutgoingRequest, ReceivedResponse, TransportSettings } from './types.js';

export type { OutgoingRequest, ReceivedResponse, TransportSettings } from './types.js';

/** Abort reason of a per-attempt timeout, distinct from any reason the caller can pass. */
const attemptTimedOut = Symbol('attempt timed out');

/**
 * Sends one call. It adds the bearer token and `User-Agent`, and replays the body once with a
 * new token after a 401. It retries as the policy allows, times out each attempt and checks the
 * final body.
 *
 * @throws AbortError, TimeoutError or NetworkError when no usable response arrived.
 * @throws ResponseParseError or UnexpectedContentTypeError for a body that is not the JSON the
 *   contract promises.
 */
export async function send(
  settings: TransportSettings,
  outgoing: OutgoingRequest,
): Promise<ReceivedResponse> {
  try {
    return await sendWithRetries(settings, outgoing);
  } catch (error) {
    const { signal, call } = outgoing;
    if (signal?.aborted && error === signal.reason) {
      throw abortFailure(error, { what: call.operation, operation: call.operation });
    }
    throw error;
  }
}

async function sendWithRetries(
  settings: TransportSettings,
  outgoing: OutgoingRequest,
): Promise<ReceivedResponse> {
  const state: CallState = { outgoing, sent: 0, retries: 0, replayedAfter401: false };
  const { clock, logger, tokenProvider } = settings;
  const { signal, call } = outgoing;
  for (;;) {
    // Checked before awaiting, so the common case without a pause costs no extra promise.
    if (settings.gate.pausedUntil > clock.now()) await settings.gate.wait(signal);
    const token = await tokenProvider.getToken(signal ? { signal } : undefined);
    const startedAt = clock.now();
    state.sent += 1;
    let received: { response: Response; text: string };
    try {
      received = await sendOnce(settings, state, token.accessToken);
    } catch (error) {
      await waitBeforeRetryAfterFailure(settings, state, error);
      continue;
    }

    const { response } = received;
    if (response.status === 401 && !state.replayedAfter401) {
      state.replayedAfter401 = true;
      tokenProvider.invalidate(token.accessToken);
      logger.info('Got HTTP 401; replaying the request once with a new access token', {
        operation: call.operation,
      });
      continue;
    }
    // Checking `ok` first spares a successful response the extra promise.
    if (!response.ok && (await shouldRetryStatus(settings, state, response))) continue;

    if (settings.logsDebug) {
      logger.debug('Request finished', {
        operation: call.operation,
        status: response.status,
        attempts: state.sent,
        durationMs: clock.now() - startedAt,
        requestId: response.headers.get('x-request-id') ?? undefined,
      });
    }
    const value = readJsonBody(response, received.text, {
      method: outgoing.method,
      operation: call.operation,
      attempts: state.sent,
      idempotent: isIdempotent(state),
    });
    return { response, text: received.text, value, attempts: state.sent };
  }
}

/** Sends one attempt and reads its whole body, both within the attempt's timeout. */
async function sendOnce(
  settings: TransportSettings,
  state: CallState,
  accessToken: string,
): Promise<{ response: Response; text: string }> {
  const { outgoing } = state;
  const { call, signal: outer } = outgoing;
  const controller = new AbortController();
  const forwardAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', forwardAbort, { once: true });
  const timer = setTimeout(() => controller.abort(attemptTimedOut), call.timeoutMs);
  try {
    outer?.throwIfAborted();
    const headers = {
      ...outgoing.headers,
      authorization: `Bearer ${accessToken}`,
      'user-agent': settings.userAgent,
    };
    // Looked up here, not at construction, so a fetch mock installed later is still used.
    const fetchImpl = settings.fetch ?? globalThis.fetch;
    const response = await fetchImpl(outgoing.url, {
      method: outgoing.method,
      headers,
      body: outgoing.body,
      signal: controller.signal,
      ...(outgoing.redirect === undefined ? {} : { redirect: outgoing.redirect }),
    });
    return { response, text: await response.text() };
  } catch (error) {
    if (outer?.aborted) throw outer.reason;
    const options = { operation: call.operation, attempts: state.sent };
    if (controller.signal.reason === attemptTimedOut) {
      throw new TimeoutError(
        `${call.operation} timed out after ${call.timeoutMs} ms (attempt ${state.sent}). Raise timeoutMs if the API is slow.`,
        call.timeoutMs,
        options,
      );
    }
    throw new NetworkError(
      `${call.operation} failed before a response arrived: ${describeCause(error)}. Check the network and the base URL.`,
      { ...options, cause: error },
    );
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forwardAbort);
  }
}

function describeCause(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? `${message} (${cause.code})` : message;
}
