/**
 * Time source and timer of the client: retry waits, `Retry-After` pauses, clearance polling and
 * the concurrency-limited runs use it. Inject one to run those waits in simulated time. The
 * per-attempt request timeout always uses the platform's `setTimeout`.
 */
export interface Clock {
  /** Wall-clock time in milliseconds since the Unix epoch, like `Date.now()`. */
  now(): number;
  /**
   * Resolves after `ms` milliseconds. When `signal` aborts first, it rejects with the signal's
   * reason.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The clock used when none is injected: `Date.now()` and `setTimeout`. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
