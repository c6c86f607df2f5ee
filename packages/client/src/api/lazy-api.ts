import type { Client, Middleware } from 'openapi-fetch';
import { abortFailure } from '../errors/transport-errors.js';
import type { ClientPaths } from '../paths.js';

type Api = Client<ClientPaths>;

const callNames = [
  'request',
  'GET',
  'PUT',
  'POST',
  'DELETE',
  'OPTIONS',
  'HEAD',
  'PATCH',
  'TRACE',
] as const;

/**
 * Returns an object with the openapi-fetch client's methods that loads the real client on the
 * first call, so apps that never use `client.api` do not download openapi-fetch. Middleware
 * is checked when it is registered and, before that call, applied in order once the client
 * exists. A failed load is forgotten, so the next call tries again.
 */
export function createLazyApi(load: () => Promise<Api>): Api {
  let loaded: Api | undefined;
  let loading: Promise<Api> | undefined;
  const pending: ((api: Api) => void)[] = [];

  const ready = (): Promise<Api> => {
    if (loaded !== undefined) return Promise.resolve(loaded);
    loading ??= load().then(
      (api) => {
        loaded = api;
        for (const apply of pending.splice(0)) apply(api);
        return api;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const whenLoaded = (apply: (api: Api) => void): void => {
    if (loaded === undefined) pending.push(apply);
    else apply(loaded);
  };

  const lazy: Record<string, unknown> = {
    use: (...middleware: Middleware[]) => {
      // Checked here, as openapi-fetch checks it, so a bad middleware throws where it is
      // registered and not later inside a call.
      const valid = middleware.filter(Boolean);
      const invalid = valid.find((item) => !isMiddleware(item));
      if (invalid !== undefined) {
        throw new TypeError(
          `Invalid middleware ${describeValue(invalid)}: pass an object with onRequest, onResponse or onError.`,
        );
      }
      whenLoaded((api) => api.use(...valid));
    },
    eject: (...middleware: Middleware[]) => whenLoaded((api) => api.eject(...middleware)),
  };
  for (const name of callNames) {
    lazy[name] = async (...args: unknown[]) => {
      // `request(method, path, init)` takes the init third, and the method calls take it second.
      const init = (name === 'request' ? args[2] : args[1]) as { signal?: unknown } | undefined;
      const signal = isAbortSignal(init?.signal) ? init.signal : undefined;
      const api = loaded ?? (await untilReady(ready(), signal, describeCall(name, args)));
      return (api[name] as (...callArgs: unknown[]) => unknown)(...args);
    };
  }
  return lazy as unknown as Api;
}

function isMiddleware(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    ('onRequest' in value || 'onResponse' in value || 'onError' in value)
  );
}

function describeValue(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'array' : `object with keys [${Object.keys(value).join(', ')}]`;
}

function describeCall(name: string, args: unknown[]): string {
  return name === 'request'
    ? `${String(args[0]).toUpperCase()} ${String(args[1])}`
    : `${name} ${String(args[0])}`;
}

/**
 * Waits for the client to load, but stops when the call's signal aborts, with the error the
 * client throws for an aborted call. The load goes on for later calls.
 */
function untilReady(
  loading: Promise<Api>,
  signal: AbortSignal | undefined,
  operation: string,
): Promise<Api> {
  if (signal === undefined) return loading;
  const aborted = () => abortFailure(signal.reason, { what: operation, operation });
  if (signal.aborted) {
    // No other call may wait for this load, so its failure is marked as handled here.
    loading.catch(() => undefined);
    return Promise.reject(aborted());
  }
  return new Promise<Api>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    loading.then(
      (api) => {
        signal.removeEventListener('abort', onAbort);
        resolve(api);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Checks for an AbortSignal by its shape, so a signal from another realm (an iframe, a test
 * environment) counts too, where `instanceof AbortSignal` is false.
 */
function isAbortSignal(value: unknown): value is AbortSignal {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AbortSignal).aborted === 'boolean' &&
    typeof (value as AbortSignal).addEventListener === 'function'
  );
}
