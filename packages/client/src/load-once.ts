import { NetworkError } from './errors/transport-errors.js';

/**
 * Returns a function that imports a module on its first call and returns that same promise on
 * later calls. Bundlers put a module imported this way in a chunk of its own, which apps
 * download only when they first need it. A failed import is forgotten, so the next call tries
 * again, and it rejects with a `NetworkError` that names `what`.
 */
export function loadOnce<Module>(load: () => Promise<Module>, what: string): () => Promise<Module> {
  let loading: Promise<Module> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw new NetworkError(
        `Could not load ${what} of @hm-sdk/client, which loads on first use. Check the network connection and that the app serves all of its JavaScript chunks.`,
        { cause: error },
      );
    });
    return loading;
  };
}
