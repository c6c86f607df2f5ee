import type { Client, Middleware } from 'openapi-fetch';
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
    lazy[name] = async (...args: unknown[]) =>
      ((await ready())[name] as (...callArgs: unknown[]) => unknown)(...args);
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
