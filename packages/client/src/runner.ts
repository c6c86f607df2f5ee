import { systemClock } from './clock.js';
import type { RunOptions, RunResult, TaskContext } from './concurrency.js';
import { isRateLimitError } from './errors/index.js';
import { abortFailure } from './errors/transport-errors.js';
import { loadOnce } from './load-once.js';

// The runner serves bulk work (`requestClearance`, `runForVins` and `runConcurrently`), so it
// loads on the first bulk call.
const loadRunner = loadOnce(() => import('./concurrency.js'), 'the concurrent runner');

/**
 * Runs `task` for every item with at most `concurrency` tasks at once and returns one result
 * per item, in input order.
 *
 * The run adapts to rate limits. After an HTTP 429 it halves the number of tasks at once and
 * starts nothing until the `Retry-After` time has passed. It queues the rejected item again, and
 * adds one task at a time back after each run of successes. Other failures are recorded and do
 * not stop the run.
 *
 * @throws TypeError for an invalid option; the abort reason when `signal` aborts.
 * @throws NetworkError when the runner's code, which loads on first use, could not be loaded.
 */
export async function runConcurrently<Item, Value>(
  items: readonly Item[],
  task: (item: Item, context: TaskContext) => Promise<Value>,
  options: RunOptions<Item, Value> = {},
): Promise<RunResult<Item, Value>[]> {
  const { runConcurrentlyWith } = await loadRunner();
  return runConcurrentlyWith(items, task, options, {
    systemClock,
    isRateLimitError,
    abortFailure,
  });
}
