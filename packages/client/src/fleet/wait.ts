import type { Clearance, ClearanceRecordStatus } from '@hm-sdk/openapi';
import { abortFailure } from '../errors/transport-errors.js';
import { ClearanceSettledError, ClearanceWaitTimeoutError } from '../errors/wait-errors.js';
import { assertValidVin } from '../vin.js';
import type { CallOptions, FleetContext } from './context.js';

/** Options of `waitForClearance`. */
export interface WaitForClearanceOptions extends Pick<CallOptions, 'signal' | 'retry'> {
  /** The status or statuses to wait for. Default `approved`. */
  until?: ClearanceRecordStatus | readonly ClearanceRecordStatus[];
  /** How long to wait in total before failing, in milliseconds. Default 60,000. */
  timeoutMs?: number;
  /**
   * Time between polls in milliseconds. Default 1,000, which one waiter can keep up within the
   * API's limit of 60 calls per minute on this operation.
   */
  intervalMs?: number;
  /** Called with the clearance at the first poll and each time its status changes. */
  onChange?: (clearance: Clearance) => void;
  /**
   * Whether to fail as soon as the clearance settles in a status that is not awaited
   * (`rejected`, `revoked` or `canceled`). Default true.
   */
  failOnSettled?: boolean;
}

/** Statuses that change only through a new clearance request. */
const SETTLED_STATUSES: ReadonlySet<string> = new Set(['rejected', 'revoked', 'canceled']);

interface WaitSettings {
  until: readonly string[];
  timeoutMs: number;
  intervalMs: number;
}

function resolveWaitSettings(options: WaitForClearanceOptions): WaitSettings {
  const until =
    typeof options.until === 'string' ? [options.until] : (options.until ?? ['approved']);
  const settings = {
    until,
    timeoutMs: options.timeoutMs ?? 60_000,
    intervalMs: options.intervalMs ?? 1_000,
  };
  for (const name of ['timeoutMs', 'intervalMs'] as const) {
    const value = settings[name];
    if (!(Number.isFinite(value) && value >= 0)) {
      throw new TypeError(`Invalid ${name} ${value}: pass milliseconds >= 0.`);
    }
  }
  return settings;
}

/**
 * Polls the clearance of `vin` until it reaches one of the awaited statuses.
 *
 * @throws ClearanceWaitTimeoutError when `timeoutMs` passes first.
 * @throws ClearanceSettledError when the clearance settles elsewhere and `failOnSettled` is on.
 */
export async function waitForClearance(
  context: FleetContext,
  getClearance: (vin: string, options: CallOptions) => Promise<Clearance>,
  vin: string,
  options: WaitForClearanceOptions = {},
): Promise<Clearance> {
  assertValidVin(vin);
  const { until, timeoutMs, intervalMs } = resolveWaitSettings(options);
  const { clock } = context;
  const { signal } = options;
  const deadline = clock.now() + timeoutMs;
  const pollOptions: CallOptions = {};
  if (signal !== undefined) pollOptions.signal = signal;
  if (options.retry !== undefined) pollOptions.retry = options.retry;

  let lastStatus: string | undefined;
  try {
    for (;;) {
      const clearance = await getClearance(vin, pollOptions);
      if (clearance.status !== lastStatus) {
        lastStatus = clearance.status;
        options.onChange?.(clearance);
        // onChange may abort the signal to stop the wait.
        signal?.throwIfAborted();
      }

      if (until.includes(clearance.status)) return clearance;
      if ((options.failOnSettled ?? true) && SETTLED_STATUSES.has(clearance.status)) {
        const reason = clearance.changelog?.at(-1)?.reason;
        throw new ClearanceSettledError({ vin, until, status: clearance.status, reason });
      }

      const remaining = deadline - clock.now();
      if (remaining <= 0) {
        throw new ClearanceWaitTimeoutError({ vin, until, lastStatus, timeoutMs });
      }
      await clock.sleep(Math.min(intervalMs, remaining), signal);
    }
  } catch (error) {
    if (signal?.aborted && error === signal.reason) {
      throw abortFailure(error, { what: `Waiting for the clearance of ${vin}` });
    }
    throw error;
  }
}
