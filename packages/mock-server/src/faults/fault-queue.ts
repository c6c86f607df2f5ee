import type { RouteId } from '../context.js';
import type { Fault } from './fault.js';

/** Route selector of an injected fault: one route, or `'*'` for every route. */
export type FaultTarget = RouteId | '*';

interface Entry {
  target: FaultTarget;
  fault: Fault;
  remaining: number;
}

/** Faults queued per route, each for a number of requests; one per mock instance. */
export class FaultQueue {
  #entries: Entry[] = [];

  /**
   * Queues `fault` for the next `times` requests to `target` (Infinity keeps it until removed).
   * Returns the function that removes it.
   */
  add(target: FaultTarget, fault: Fault, times: number): () => void {
    if (!(times > 0)) {
      throw new RangeError(`Invalid fault count ${times}: pass a number > 0, or Infinity.`);
    }
    const entry: Entry = { target, fault, remaining: times };
    this.#entries.push(entry);
    return () => {
      this.#entries = this.#entries.filter((candidate) => candidate !== entry);
    };
  }

  /** Takes the fault for one request to `route`, oldest first, or undefined when none is queued. */
  take(route: RouteId): Fault | undefined {
    const entry = this.#entries.find(
      (candidate) => candidate.target === route || candidate.target === '*',
    );
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0)
      this.#entries = this.#entries.filter((candidate) => candidate !== entry);
    return entry.fault;
  }

  clear(): void {
    this.#entries = [];
  }
}
