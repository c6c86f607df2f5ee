import type { Clock } from '../../src/index.js';

/** A clock whose sleeps return at once and move its time forward by the requested amount. */
export interface StepClock extends Clock {
  /** Every sleep requested so far, in milliseconds, in order. */
  readonly sleeps: number[];
}

/** Creates a {@link StepClock} that starts at `start` (ms since the epoch). */
export function createStepClock(start = Date.parse('2030-01-01T00:00:00Z')): StepClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    async sleep(ms, signal) {
      signal?.throwIfAborted();
      sleeps.push(ms);
      now += ms;
    },
  };
}
