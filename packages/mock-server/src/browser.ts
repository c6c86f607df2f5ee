import { type SetupWorker, setupWorker } from 'msw/browser';
import type { MockApi } from './mock-api.js';
import { toUnhandledFrameHandle, type UnhandledRequestStrategy } from './unhandled-request.js';

export type {
  UnhandledRequestCallback,
  UnhandledRequestPrint,
  UnhandledRequestStrategy,
} from './unhandled-request.js';

/** Options of {@link startMockWorker}; passed on to msw's `worker.start()`. */
export interface StartMockWorkerOptions {
  /**
   * URL the page serves the worker script from; default `'/mockServiceWorker.js'`. Serve the
   * worker script of the installed msw version at that URL.
   */
  serviceWorkerUrl?: string;
  /**
   * Strategy for requests the mock has no route for; default `'bypass'`. msw 2 receives it as
   * `onUnhandledRequest` and msw 3 as `onUnhandledFrame`.
   */
  onUnhandledRequest?: UnhandledRequestStrategy;
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
  const strategy = options.onUnhandledRequest ?? 'bypass';
  // msw 3 renamed the option: msw 2.15 reads only `onUnhandledRequest` and msw 3.0 only
  // `onUnhandledFrame`, so both are set to the same strategy.
  const startOptions = {
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
    onUnhandledRequest: strategy,
    onUnhandledFrame: toUnhandledFrameHandle(strategy),
    quiet: options.quiet ?? false,
  };
  await worker.start(startOptions);
  return worker;
}
