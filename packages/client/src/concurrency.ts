// The concurrent runner loads on first use (see runner.ts), so it imports types only: the
// client code it calls arrives in `RunnerInternals`.
import type { Clock } from './clock.js';
import type { isRateLimitError } from './errors/index.js';
import type { abortFailure } from './errors/transport-errors.js';
import type { RateGate } from './transport/rate-gate.js';

/** Progress of a {@link runConcurrently} run, reported after each item finishes. */
export interface RunProgress {
  /** Number of items in the run. */
  total: number;
  /** Items finished, with success or failure. */
  completed: number;
  /** Items whose task resolved. */
  succeeded: number;
  /** Items whose task failed for good. */
  failed: number;
  /** Tasks running now. */
  inFlight: number;
  /** Current limit on tasks at once; it shrinks after a 429 and grows back with successes. */
  concurrency: number;
  /** HTTP 429 responses received so far. */
  rateLimited: number;
}

/** Options of {@link runConcurrently}. */
export interface RunOptions<Item = unknown, Value = unknown> {
  /** Largest number of tasks at once. Default 4. */
  concurrency?: number;
  /**
   * Called after each item finishes, with the counts and that item's result. An exception from
   * it stops the run and is rethrown.
   */
  onProgress?: (progress: RunProgress, result: RunResult<Item, Value>) => void;
  /** Stops starting new tasks and is passed to every task. */
  signal?: AbortSignal;
  /** How often one item is queued again after its task failed with HTTP 429. Default 20. */
  maxRateLimitRetries?: number;
  /** Time source and timer for pauses; default the system clock. */
  clock?: Clock;
  /** Pauses of a client, so the run also slows down for 429s that the client retried itself. */
  rateGate?: RateGate;
}

/** The outcome of one item: the task's value, or the error it failed with. */
export type RunResult<Item, Value> =
  | { item: Item; ok: true; value: Value }
  | { item: Item; ok: false; error: unknown };

/** Context a task receives besides its item. */
export interface TaskContext {
  /** The run's signal, to pass on to the calls the task makes. */
  signal: AbortSignal | undefined;
  /** Position of the item in the input. */
  index: number;
}

/** The client functions and defaults the runner uses, passed in by runner.ts. */
export interface RunnerInternals {
  systemClock: Clock;
  isRateLimitError: typeof isRateLimitError;
  abortFailure: typeof abortFailure;
}

/** Runs the tasks as `runConcurrently` in runner.ts documents. */
export async function runConcurrentlyWith<Item, Value>(
  items: readonly Item[],
  task: (item: Item, context: TaskContext) => Promise<Value>,
  options: RunOptions<Item, Value>,
  internals: RunnerInternals,
): Promise<RunResult<Item, Value>[]> {
  const maxConcurrency = options.concurrency ?? 4;
  if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) {
    throw new TypeError(`Invalid concurrency ${maxConcurrency}: pass a whole number >= 1.`);
  }
  const maxRetries = options.maxRateLimitRetries ?? 20;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new TypeError(`Invalid maxRateLimitRetries ${maxRetries}: pass a whole number >= 0.`);
  }
  const run = new AdaptiveRun(items, task, { ...options, maxConcurrency, maxRetries }, internals);
  return run.execute();
}

interface RunSettings<Item, Value> extends RunOptions<Item, Value> {
  maxConcurrency: number;
  maxRetries: number;
}

/** State of one {@link runConcurrently} call. */
class AdaptiveRun<Item, Value> {
  readonly #results: RunResult<Item, Value>[] = [];
  readonly #retriesByIndex = new Map<number, number>();
  readonly #requeued: number[] = [];
  readonly #active = new Set<Promise<void>>();
  readonly #clock: Clock;
  #next = 0;
  #limit: number;
  #streak = 0;
  #pausedUntil = Number.NEGATIVE_INFINITY;
  #running = 0;
  #succeeded = 0;
  #failed = 0;
  #rateLimited = 0;
  #callbackError: { error: unknown } | undefined;

  constructor(
    private readonly items: readonly Item[],
    private readonly task: (item: Item, context: TaskContext) => Promise<Value>,
    private readonly settings: RunSettings<Item, Value>,
    private readonly internals: RunnerInternals,
  ) {
    this.#clock = settings.clock ?? internals.systemClock;
    this.#limit = settings.maxConcurrency;
  }

  async execute(): Promise<RunResult<Item, Value>[]> {
    const unsubscribe = this.settings.rateGate?.subscribe((event) => {
      if (event.status === 429) this.#rateLimited += 1;
      this.#slowDown(event.delayMs);
    });
    try {
      await this.#schedule();
    } finally {
      unsubscribe?.();
      await Promise.all(this.#active);
    }
    const { signal } = this.settings;
    if (this.#callbackError) throw this.#callbackError.error;
    if (signal?.aborted) {
      throw this.internals.abortFailure(signal.reason, { what: 'The concurrent run' });
    }
    return this.#results;
  }

  get #hasPending(): boolean {
    return this.#requeued.length > 0 || this.#next < this.items.length;
  }

  async #schedule(): Promise<void> {
    const { signal } = this.settings;
    while ((this.#hasPending || this.#active.size > 0) && !this.#callbackError) {
      if (signal?.aborted) return;
      const waitMs = this.#pausedUntil - this.#clock.now();
      if (this.#hasPending && waitMs <= 0 && this.#active.size < this.#limit) {
        this.#start(this.#takeIndex());
        continue;
      }
      await this.#waitForChange(this.#hasPending ? waitMs : 0);
    }
  }

  /** Waits until a task finishes or, when `waitMs` > 0, until the pause ends. */
  async #waitForChange(waitMs: number): Promise<void> {
    const stop = new AbortController();
    const waits: Promise<unknown>[] = [...this.#active];
    if (waitMs > 0) waits.push(this.#clock.sleep(waitMs, stop.signal).catch(() => undefined));
    if (this.settings.signal) waits.push(abortOf(this.settings.signal, stop.signal));
    await Promise.race(waits);
    stop.abort();
  }

  #takeIndex(): number {
    const requeued = this.#requeued.shift();
    if (requeued !== undefined) return requeued;
    this.#next += 1;
    return this.#next - 1;
  }

  #start(index: number): void {
    this.#running += 1;
    const promise = this.#runOne(index);
    this.#active.add(promise);
    void promise.then(() => this.#active.delete(promise));
  }

  async #runOne(index: number): Promise<void> {
    const item = this.items[index] as Item;
    try {
      const value = await this.task(item, { signal: this.settings.signal, index });
      this.#results[index] = { item, ok: true, value };
      this.#succeeded += 1;
      this.#speedUp();
    } catch (error) {
      if (this.#requeueAfterRateLimit(index, error)) return;
      this.#results[index] = { item, ok: false, error };
      this.#failed += 1;
    } finally {
      this.#running -= 1;
    }
    this.#report(this.#results[index] as RunResult<Item, Value>);
  }

  #requeueAfterRateLimit(index: number, error: unknown): boolean {
    if (!this.internals.isRateLimitError(error) || this.settings.signal?.aborted) return false;
    const retries = this.#retriesByIndex.get(index) ?? 0;
    if (retries >= this.settings.maxRetries) return false;
    this.#retriesByIndex.set(index, retries + 1);
    this.#requeued.push(index);
    // With a gate, the client already counted this 429 when it paused.
    if (!this.settings.rateGate) this.#rateLimited += 1;
    // Without Retry-After, wait a second per earlier retry of this item.
    this.#slowDown(error.retryAfterMs ?? 1_000 * (retries + 1));
    return true;
  }

  /** Halves the limit, once per pause, and starts or extends the pause. */
  #slowDown(delayMs: number): void {
    const now = this.#clock.now();
    if (now >= this.#pausedUntil) this.#limit = Math.max(1, Math.floor(this.#limit / 2));
    this.#pausedUntil = Math.max(this.#pausedUntil, now + delayMs);
    this.#streak = 0;
  }

  /** Adds one task to the limit after as many successes in a row as the limit. */
  #speedUp(): void {
    this.#streak += 1;
    if (this.#streak >= this.#limit && this.#limit < this.settings.maxConcurrency) {
      this.#limit += 1;
      this.#streak = 0;
    }
  }

  #report(result: RunResult<Item, Value>): void {
    const { onProgress } = this.settings;
    if (!onProgress || this.#callbackError) return;
    try {
      onProgress(
        {
          total: this.items.length,
          completed: this.#succeeded + this.#failed,
          succeeded: this.#succeeded,
          failed: this.#failed,
          inFlight: this.#running,
          concurrency: this.#limit,
          rateLimited: this.#rateLimited,
        },
        result,
      );
    } catch (error) {
      this.#callbackError = { error };
    }
  }
}

/** Resolves when `signal` aborts, or never; `stop` removes the listener. */
function abortOf(signal: AbortSignal, stop: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    signal.addEventListener('abort', () => resolve(), { once: true, signal: stop });
  });
}
