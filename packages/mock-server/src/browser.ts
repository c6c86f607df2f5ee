import { type SetupWorker, type StartOptions, setupWorker } from 'msw/browser';
import type { MockApi } from './mock-api.js';

/** Options of {@link startMockWorker}; passed on to msw's `worker.start()`. */
export interface StartMockWorkerOptions {
  /**
   * URL the page serves the worker script from; default `'/mockServiceWorker.js'`. Serve the file
   * `@hm-sdk/mock-server/mockServiceWorker.js` at that URL.
   */
  serviceWorkerUrl?: string;
  /** msw strategy for requests the mock has no route for; default `'bypass'`. */
  onUnhandledRequest?: StartOptions['onUnhandledRequest'];
  /** Suppresses msw's console messages when true; default false. */
  quiet?: boolean;
}

/**
 * Starts an msw service worker in the browser that responds with the mock's handlers. Resolves
 * with the worker once it intercepts requests; call `worker.stop()` to end interception.
 */
export async function startMockWorker(
  mock: MockApi,
  options: StartMockWorkerOptions = {},
): Promise<SetupWorker> {
  const worker = setupWorker(...mock.handlers);
  await worker.start({
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
    onUnhandledRequest: options.onUnhandledRequest ?? 'bypass',
    quiet: options.quiet ?? false,
  });
  return worker;
}
