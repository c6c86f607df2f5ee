import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { ClientPaths, serializeQuery } from '../paths.js';
import type {
  assertTimeout,
  CallSettings,
  HmRequestOptions,
} from '../transport/request-options.js';
import type { RetryOptions, RetryPolicy, resolveRetryPolicy } from '../transport/retry.js';
import type { OutgoingRequest, send, TransportSettings } from '../transport/transport.js';

// This module is what `client.api` loads on its first call (see lazy-api.ts): openapi-fetch
// and the glue that routes its requests through the client's transport.

/**
 * The client functions this module calls. They are passed in rather than imported, so bundlers
 * do not split them out of the main chunk into a chunk that both share.
 */
export interface ClientInternals {
  send: typeof send;
  serializeQuery: typeof serializeQuery;
  assertTimeout: typeof assertTimeout;
  resolveRetryPolicy: typeof resolveRetryPolicy;
}

/**
 * Creates the openapi-fetch client behind `client.api`. Its requests go through the client's
 * transport, so they get the same tokens, retries, timeouts and response checks as
 * `client.request`.
 */
export function createOpenApiClient(
  settings: TransportSettings,
  baseUrl: string,
  internals: ClientInternals,
): Client<ClientPaths> {
  const api = createClient<ClientPaths>({
    baseUrl,
    fetch: createFetchAdapter(settings, internals),
    querySerializer: internals.serializeQuery,
  });
  api.use(createOperationMiddleware());
  return api;
}

/** Details of one request that the `Request` object does not carry. */
interface RequestMeta {
  /** `METHOD /path/template`, such as `GET /v1/fleets/vehicles/{vin}`. */
  operation: string;
  timeoutMs: number | undefined;
  retry: RetryOptions | false | undefined;
  idempotent: boolean | undefined;
}

const metaByRequest = new WeakMap<Request, RequestMeta>();

/**
 * Creates the middleware that records each request's operation and per-call options for the
 * transport. openapi-fetch copies options it does not know, such as `timeoutMs`, onto the
 * `Request` object, which is where this reads them.
 */
function createOperationMiddleware(): Middleware {
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
function callSettings(
  request: Request,
  defaults: { timeoutMs: number; retry: RetryPolicy },
  { assertTimeout, resolveRetryPolicy }: ClientInternals,
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

/**
 * Creates the `fetch` that openapi-fetch calls for `client.api`: it buffers the request body
 * once, sends the call like `client.request` does and hands openapi-fetch a response rebuilt on the
 * checked body.
 */
function createFetchAdapter(
  settings: TransportSettings,
  internals: ClientInternals,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const outgoing: OutgoingRequest = {
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers),
      body: request.body === null ? undefined : new Uint8Array(await request.arrayBuffer()),
      signal: request.signal,
      redirect: request.redirect,
      call: callSettings(request, settings, internals),
    };
    const { response, text } = await internals.send(settings, outgoing);
    const init = {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    };
    return new Response(text === '' ? null : text, init);
  };
}
