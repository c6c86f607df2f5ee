import { systemClock } from './clock.js';
import type { RunOptions, RunResult, TaskContext } from './concurrency.js';
import { isRateLimitError } from './errors/index.js';
import { abortFailure, NetworkError } from './errors/transport-errors.js';

type RunnerModule = typeof import('./concurrency.js');

let runnerModule: Promise<RunnerModule> | undefined;

/**
 * Loads the concurrent runner once. It serves bulk work (`requestClearance`, `runForVins` and
 * `runConcurrently`), so bundlers put it in a chunk that apps download on their first bulk call.
 * A failed load is forgotten, so the next call tries again.
 */
function loadRunner(): Promise<RunnerModule> {
  runnerModule ??= import('./concurrency.js').catch((error: unknown) => {
    runnerModule = undefined;
    throw new NetworkError(
      'Could not load the concurrent runner of @hm-sdk/client, which loads on first use. Check the network connection and that the app serves all of its JavaScript chunks.',
      { cause: error },
    );
  });
  return runnerModule;
}

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
