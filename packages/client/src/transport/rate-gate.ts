import type { Clock } from '../clock.js';

/** A 429 or 503 response that made the client pause, as its rate-limit listeners receive it. */
export interface RateLimitEvent {
  /** The operation of the response, as `METHOD /path/template`. */
  operation: string;
  /** 429 or 503. */
  status: number;
  /** How long new requests wait, in milliseconds: the `Retry-After` value or the backoff. */
  delayMs: number;
}

/**
 * Client-wide pause after a 429 or 503: every request of the client waits until the pause ends
 * before it is sent, so concurrent callers slow down together instead of each running into the
 * limit on its own.
 */
export class RateGate {
  readonly #clock: Clock;
  readonly #listeners = new Set<(event: RateLimitEvent) => void>();
  #pausedUntil = Number.NEGATIVE_INFINITY;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Clock time (ms) until which requests wait; in the past when there is no pause. */
  get pausedUntil(): number {
    return this.#pausedUntil;
  }

  /** Extends the pause to `event.delayMs` from now and notifies the listeners. */
  pause(event: RateLimitEvent): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#clock.now() + event.delayMs);
    for (const listener of this.#listeners) listener(event);
  }

  /** Resolves once no pause is in force; rejects with the signal's reason when it aborts. */
  async wait(signal?: AbortSignal): Promise<void> {
    // A pause can grow while we sleep, so check again after each wait.
    for (let remaining = this.#remaining(); remaining > 0; remaining = this.#remaining()) {
      await this.#clock.sleep(remaining, signal);
    }
  }

  /** Registers a listener for pauses; returns the function that removes it. */
  subscribe(listener: (event: RateLimitEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #remaining(): number {
    return this.#pausedUntil - this.#clock.now();
  }
}
