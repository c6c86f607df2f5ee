import type { SchedulingClock } from '../clock.js';

/** Status of a fleet clearance, as listed by the fleet clearance reference. */
export type ClearanceStatus =
  | 'pending'
  | 'approved'
  | 'rejected'
  | 'revoking'
  | 'revoked'
  | 'canceling'
  | 'canceled';

/** One entry of a clearance's changelog. */
export interface ChangelogEntry {
  timestamp: string;
  status: ClearanceStatus;
  reason?: string;
}

/**
 * Outcome of a pending clearance: approval or rejection after `afterMs` milliseconds of mock time
 * (the mock's `approvalDelayMs` when omitted). `{ status: 'manual' }` leaves it pending until a
 * test calls `setClearanceStatus`.
 */
export type ClearanceOutcome =
  | { status: 'approved'; afterMs?: number }
  | { status: 'rejected'; afterMs?: number; reason?: string }
  | { status: 'manual' };

/** A clearance as the mock stores it. */
export interface ClearanceRecord {
  vin: string;
  brand: string;
  status: ClearanceStatus;
  tags: Record<string, string>;
  changelog: ChangelogEntry[];
  /** Mock time (ms) when the clearance was requested. */
  insertedAt: number;
  /** Mock time (ms) of the last approval, if any. */
  approvedAt?: number;
  /** Increases on every status change, so stale scheduled changes can tell they are stale. */
  revision: number;
}

/** A status change, passed to change listeners (webhooks, tests). */
export interface ClearanceChange {
  vin: string;
  brand: string;
  previousStatus: ClearanceStatus | undefined;
  status: ClearanceStatus;
  reason?: string;
  timestamp: string;
}

/**
 * A started revocation or cancellation, as `DELETE /v1/fleets/vehicles/{vin}` reports it. The
 * status is the transitional one even when the final status is applied at once.
 */
export interface StartedRemoval {
  vin: string;
  status: 'revoking' | 'canceling';
  tags: Record<string, string>;
}

/** Reason a delete request could not start. */
export type DeleteRejection = 'not_found' | 'already_removed' | 'in_transition' | 'not_cancelable';

/** Options of {@link ClearanceStore}. */
export interface ClearanceStoreOptions {
  clock: SchedulingClock;
  /** Delay before a pending clearance reaches its outcome when the outcome names none. */
  approvalDelayMs: number;
  /** Delay from revoking to revoked and from canceling to canceled. */
  transitionDelayMs: number;
  /** Returns the outcome for a VIN; the mock combines per-VIN settings and vehicle defaults. */
  outcomeFor: (vin: string, brand: string) => ClearanceOutcome;
  /** Returns whether a pending clearance of this brand can be canceled. */
  isCancelable: (brand: string) => boolean;
}

const removedStatuses: ReadonlySet<ClearanceStatus> = new Set(['revoked', 'canceled', 'rejected']);

/** Clearances by VIN with their status lifecycle; one per mock instance. */
export class ClearanceStore {
  readonly #records = new Map<string, ClearanceRecord>();
  readonly #listeners = new Set<(change: ClearanceChange) => void>();
  readonly #options: ClearanceStoreOptions;

  constructor(options: ClearanceStoreOptions) {
    this.#options = options;
  }

  /** Subscribes to status changes; returns the function that unsubscribes. */
  onChange(listener: (change: ClearanceChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get(vin: string): ClearanceRecord | undefined {
    return this.#records.get(vin);
  }

  list(): ClearanceRecord[] {
    return [...this.#records.values()];
  }

  /**
   * Starts a clearance for `vin`. An active clearance (pending, approved, revoking, canceling)
   * is returned as it is, with its tags replaced when `tags` is given. A removed one starts over.
   */
  request(vin: string, brand: string, tags: Record<string, string> | undefined): ClearanceRecord {
    const existing = this.#records.get(vin);
    if (existing && !removedStatuses.has(existing.status)) {
      if (tags) existing.tags = { ...tags };
      return existing;
    }
    const record: ClearanceRecord = {
      vin,
      brand,
      status: 'pending',
      tags: { ...(tags ?? {}) },
      changelog: [],
      insertedAt: this.#options.clock.now(),
      revision: 0,
    };
    this.#records.set(vin, record);
    this.#transition(record, 'pending');
    this.#scheduleOutcome(record);
    return record;
  }

  /** Starts revoking an approved clearance or canceling a pending one. */
  delete(vin: string): StartedRemoval | DeleteRejection {
    const record = this.#records.get(vin);
    if (!record) return 'not_found';
    if (removedStatuses.has(record.status)) return 'already_removed';
    if (record.status === 'revoking' || record.status === 'canceling') return 'in_transition';
    if (record.status === 'pending' && !this.#options.isCancelable(record.brand)) {
      return 'not_cancelable';
    }
    const next = record.status === 'approved' ? 'revoking' : 'canceling';
    this.#transition(record, next);
    // Taken before scheduling, because a zero transition delay applies the final status within
    // the schedule call, and the response must still report the transitional one.
    const started: StartedRemoval = { vin, status: next, tags: { ...record.tags } };
    const final = next === 'revoking' ? 'revoked' : 'canceled';
    this.#scheduleStatus(record, final, this.#options.transitionDelayMs);
    return started;
  }

  /**
   * Sets a clearance's status by hand, creating the clearance (with `brand`) when the VIN has
   * none. Any scheduled change for it is dropped.
   */
  setStatus(vin: string, status: ClearanceStatus, brand: string, reason?: string): ClearanceRecord {
    let record = this.#records.get(vin);
    if (!record) {
      record = {
        vin,
        brand,
        status,
        tags: {},
        changelog: [],
        insertedAt: this.#options.clock.now(),
        revision: 0,
      };
      this.#records.set(vin, record);
    }
    this.#transition(record, status, reason);
    return record;
  }

  clear(): void {
    this.#records.clear();
  }

  #scheduleOutcome(record: ClearanceRecord): void {
    const outcome = this.#options.outcomeFor(record.vin, record.brand);
    if (outcome.status === 'manual') return;
    const delay = outcome.afterMs ?? this.#options.approvalDelayMs;
    const reason = outcome.status === 'rejected' ? outcome.reason : undefined;
    this.#scheduleStatus(record, outcome.status, delay, reason);
  }

  #scheduleStatus(
    record: ClearanceRecord,
    status: ClearanceStatus,
    delayMs: number,
    reason?: string,
  ): void {
    const revision = record.revision;
    this.#options.clock.schedule(this.#options.clock.now() + delayMs, () => {
      // A newer change (delete, manual step, reset) makes this scheduled change void.
      if (this.#records.get(record.vin) !== record || record.revision !== revision) return;
      this.#transition(record, status, reason);
    });
  }

  #transition(record: ClearanceRecord, status: ClearanceStatus, reason?: string): void {
    const previousStatus = record.changelog.length === 0 ? undefined : record.status;
    const now = this.#options.clock.now();
    const timestamp = new Date(now).toISOString();
    record.status = status;
    record.revision += 1;
    if (status === 'approved') record.approvedAt = now;
    const entry: ChangelogEntry = { timestamp, status };
    if (reason !== undefined) entry.reason = reason;
    record.changelog.push(entry);
    const change: ClearanceChange = {
      vin: record.vin,
      brand: record.brand,
      previousStatus,
      status,
      timestamp,
    };
    if (reason !== undefined) change.reason = reason;
    for (const listener of this.#listeners) listener(change);
  }
}
