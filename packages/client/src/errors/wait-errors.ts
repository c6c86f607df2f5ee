import { HmClientError, type HmClientErrorOptions } from './base.js';

/** Fields of a {@link ClearanceWaitTimeoutError}. */
export interface ClearanceWaitTimeoutFields {
  /** The VIN whose clearance was polled. */
  vin: string;
  /** The statuses the wait was for. */
  until: readonly string[];
  /** The status the clearance had at the last poll. */
  lastStatus: string | undefined;
  /** The timeout that expired, in milliseconds. */
  timeoutMs: number;
}

/** `waitForClearance` gave up because the clearance did not reach the status in time. */
export class ClearanceWaitTimeoutError extends HmClientError {
  override readonly name = 'ClearanceWaitTimeoutError';
  readonly code = 'ERR_CLIENT_CLEARANCE_WAIT_TIMEOUT';
  /** The VIN whose clearance was polled. */
  readonly vin: string;
  /** The statuses the wait was for. */
  readonly until: readonly string[];
  /** The status the clearance had at the last poll. */
  readonly lastStatus: string | undefined;
  /** The timeout that expired, in milliseconds. */
  readonly timeoutMs: number;

  constructor(fields: ClearanceWaitTimeoutFields, options: HmClientErrorOptions = {}) {
    super(
      `Timed out after ${fields.timeoutMs} ms waiting for the clearance of ${fields.vin} to become ` +
        `${fields.until.join(' or ')}: it is still ${fields.lastStatus ?? 'unknown'}. ` +
        'Raise timeoutMs, or subscribe to fleet_clearance_changed webhooks instead of polling.',
      options,
    );
    this.vin = fields.vin;
    this.until = fields.until;
    this.lastStatus = fields.lastStatus;
    this.timeoutMs = fields.timeoutMs;
  }
}

/**
 * `waitForClearance` stopped because the clearance settled in a status it was not waiting for,
 * such as `rejected` while waiting for `approved`. A new clearance request is needed to move on.
 */
export class ClearanceSettledError extends HmClientError {
  override readonly name = 'ClearanceSettledError';
  readonly code = 'ERR_CLIENT_CLEARANCE_SETTLED';
  /** The VIN whose clearance was polled. */
  readonly vin: string;
  /** The statuses the wait was for. */
  readonly until: readonly string[];
  /** The settled status, such as `rejected`. */
  readonly status: string;
  /** The reason the API gave in the changelog for the settled status, when there is one. */
  readonly reason: string | undefined;

  constructor(
    fields: { vin: string; until: readonly string[]; status: string; reason: string | undefined },
    options: HmClientErrorOptions = {},
  ) {
    const why = fields.reason ? ` (${fields.reason})` : '';
    super(
      `The clearance of ${fields.vin} settled as ${fields.status}${why} while waiting for ` +
        `${fields.until.join(' or ')}. Request the clearance again, or pass failOnSettled: false to keep waiting.`,
      options,
    );
    this.vin = fields.vin;
    this.until = fields.until;
    this.status = fields.status;
    this.reason = fields.reason;
  }
}
