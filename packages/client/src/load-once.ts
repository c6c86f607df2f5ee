import { NetworkError } from './errors/transport-errors.js';

/**
 * Returns a function that imports a module on its first call and returns that same promise on
 * later calls. Bundlers put a module imported this way in a chunk of its own, which apps
 * download only when they first need it. A failed import rejects with a `NetworkError` that
 * names `what` and the runtime's reason, and is forgotten, so the next call imports again.
 *
 * NOTE: browsers remember a module whose download failed, so there the next import fails at once
 * and the feature stays unavailable until the page reloads. Node.js imports again.
 */
export function loadOnce<Module>(load: () => Promise<Module>, what: string): () => Promise<Module> {
  let loading: Promise<Module> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      const reason = error instanceof Error ? error.message : String(error);
      throw new NetworkError(
        `Could not load ${what} of @hm-sdk/client, which loads on first use (${reason}). Check the network connection and that the app serves all of its JavaScript chunks; in a browser, reload the page to load it again.`,
        { cause: error },
      );
    });
    return loading;
  };
}
