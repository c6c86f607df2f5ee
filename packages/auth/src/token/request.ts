import type { Clock } from '../clock.js';
import type { Credentials } from '../credentials/credentials.js';
import { isHmAuthError, NetworkError, TimeoutError } from '../errors.js';
import type { Logger } from '../logger.js';
import { retryDelayMs, sleep } from './backoff.js';
import { maskCause, maskSecrets } from './excerpt.js';
import { readTokenResponse, type TokenResponse } from './response.js';
import type { RetryPolicy } from './retry.js';

/** Everything one token request needs; fixed for the lifetime of a provider. */
export interface RequestContext {
  credentials: Credentials;
  /** Builds the body fields of one request, which contain the secret. */
  buildFields: (audience: string, nowMs: number) => Promise<Record<string, string>>;
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  bodyEncoding: 'json' | 'form';
  timeoutMs: number;
  retry: RetryPolicy;
  fallbackExpiresInSeconds: number;
  clock: Clock;
  logger: Logger;
  random: () => number;
}

/** A token from the endpoint with the times at which its successful request was sent. */
export interface FetchedToken extends TokenResponse {
  /** Wall-clock send time, in milliseconds since the Unix epoch. */
  sentAtWall: number;
  /** Monotonic send time, in milliseconds. */
  sentAtMonotonic: number;
  /** Number of attempts it took. */
  attempts: number;
}

/** Wraps an error from building the request body, which `requestToken` does not retry. */
class FieldsFailure {
  constructor(readonly cause: unknown) {}
}

// Field values that are secrets and must be masked in anything derived from the response.
const SECRET_FIELDS = ['client_secret', 'client_assertion'];

/**
 * Requests a token, retrying network errors, timeouts, 5xx and 429 with exponential backoff and
 * jitter. Every attempt builds its body again, so each carries a fresh assertion.
 */
export async function requestToken(context: RequestContext): Promise<FetchedToken> {
  const { maxAttempts } = context.retry;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await sendAttempt(context, attempt);
    } catch (error) {
      // A body that could not be built (an unusable key, key code that did not load) fails
      // the same way on every attempt, so it is not retried.
      if (error instanceof FieldsFailure) throw error.cause;
      const delay =
        attempt < maxAttempts
          ? retryDelayMs(error, attempt, context.retry, context.random)
          : undefined;
      if (delay === undefined) {
        throw error;
      }
      context.logger.warn('Token request failed; retrying', {
        attempt,
        maxAttempts,
        delayMs: Math.round(delay),
        code: isHmAuthError(error) ? error.code : undefined,
        status: (error as { status?: unknown }).status,
        clientId: context.credentials.clientId,
        privateKeyId: context.credentials.privateKeyId,
      });
      await sleep(delay);
    }
  }
}

async function sendAttempt(context: RequestContext, attempt: number): Promise<FetchedToken> {
  const { baseUrl, clock } = context;
  const url = `${baseUrl}/v1/access_tokens`;
  let fields: Record<string, string>;
  try {
    fields = await context.buildFields(`${baseUrl}/v1`, clock.now());
  } catch (error) {
    throw new FieldsFailure(error);
  }
  const secrets = SECRET_FIELDS.map((name) => fields[name] ?? '');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), context.timeoutMs);
  try {
    const sentAtWall = clock.now();
    const sentAtMonotonic = clock.monotonicNow();
    const attemptInfo = { url, signal: controller.signal, attempt, secrets };
    const response = await send(context, fields, attemptInfo);
    const text = await readBody(response, context, attemptInfo);
    const token = readTokenResponse(response, {
      text,
      nowMs: clock.now(),
      secrets,
      fallbackExpiresInSeconds: context.fallbackExpiresInSeconds,
      attempts: attempt,
      logger: context.logger,
    });
    return { ...token, sentAtWall, sentAtMonotonic, attempts: attempt };
  } finally {
    clearTimeout(timer);
  }
}

/** Values of one attempt that its transport errors report. */
interface AttemptInfo {
  url: string;
  signal: AbortSignal;
  attempt: number;
  /** Secret field values of this attempt's body, masked in error messages and causes. */
  secrets: readonly string[];
}

async function send(
  context: RequestContext,
  fields: Record<string, string>,
  info: AttemptInfo,
): Promise<Response> {
  const json = context.bodyEncoding === 'json';
  try {
    return await context.fetch(info.url, {
      method: 'POST',
      headers: {
        'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: json ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
      signal: info.signal,
    });
  } catch (error) {
    throw transportError(error, context, info, 'send the token request');
  }
}

async function readBody(
  response: Response,
  context: RequestContext,
  info: AttemptInfo,
): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw transportError(error, context, info, 'read the token response from');
  }
}

function transportError(
  error: unknown,
  context: RequestContext,
  info: AttemptInfo,
  step: string,
): Error {
  const { url, attempt, secrets } = info;
  if (info.signal.aborted) {
    return new TimeoutError(
      `Token request to ${url} timed out after ${context.timeoutMs} ms. Check the network, or raise timeoutMs.`,
      context.timeoutMs,
      { attempts: attempt },
    );
  }
  // A custom fetch may put the request body in its error, so the cause is masked as well.
  const reason = maskSecrets(
    error instanceof Error ? describeCause(error) : String(error),
    secrets,
  );
  return new NetworkError(
    `Could not ${step} to ${url}: ${reason}. Check the network and the base URL.`,
    {
      cause: maskCause(error, secrets),
      attempts: attempt,
    },
  );
}

// fetch in Node reports "fetch failed" and puts the reason (ECONNREFUSED, ENOTFOUND...) in cause.
function describeCause(error: Error): string {
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return `${error.message} (${typeof code === 'string' ? `${code}: ` : ''}${cause.message})`;
  }
  return error.message;
}
