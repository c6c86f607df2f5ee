import type { MockApi } from '@hm-sdk/mock-server';
import type { Clock } from '../../src/index.js';

interface Timer {
  at: number;
  resolve: () => void;
}

/** Simulated time shared by a client and a mock whose clock is in `'manual'` mode. */
export interface VirtualTime {
  /** The clock to give the client; its sleeps advance the mock's clock. */
  clock: Clock;
  /** Wraps a fetch so that time does not move while any of its requests is in flight. */
  track(fetchImpl: typeof fetch): typeof fetch;
}

/**
 * Creates simulated time on top of a manual mock clock. Whenever no tracked request is in flight
 * and at least one sleep is pending, time jumps to the earliest sleep's end, so a run that would
 * wait minutes for rate limits finishes in real seconds.
 */
export function createVirtualTime(mock: MockApi): VirtualTime {
  if (mock.clock.mode !== 'manual') {
    throw new TypeError("createVirtualTime needs a mock created with clock: 'manual'.");
  }
  let timers: Timer[] = [];
  let inFlight = 0;
  let tickScheduled = false;

  const tick = () => {
    tickScheduled = false;
    if (inFlight > 0 || timers.length === 0) return;
    const next = Math.min(...timers.map((timer) => timer.at));
    if (next > mock.clock.now()) mock.clock.set(next);
    const due = timers.filter((timer) => timer.at <= mock.clock.now());
    timers = timers.filter((timer) => !due.includes(timer));
    for (const timer of due) timer.resolve();
  };
  const scheduleTick = () => {
    if (tickScheduled) return;
    tickScheduled = true;
    setImmediate(tick);
  };

  const clock: Clock = {
    now: () => mock.clock.now(),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        signal?.throwIfAborted();
        const timer: Timer = { at: mock.clock.now() + Math.max(0, ms), resolve };
        timers.push(timer);
        signal?.addEventListener(
          'abort',
          () => {
            timers = timers.filter((candidate) => candidate !== timer);
            reject(signal.reason);
          },
          { once: true },
        );
        scheduleTick();
      }),
  };

  const track = (fetchImpl: typeof fetch): typeof fetch => {
    return async (input, init) => {
      inFlight += 1;
      try {
        const response = await fetchImpl(input, init);
        // Read the body here, so time does not move until the whole response has arrived.
        const body = await response.arrayBuffer();
        return new Response(response.status === 204 ? null : body, response);
      } finally {
        inFlight -= 1;
        scheduleTick();
      }
    };
  };
  return { clock, track };
}
