import type { Logger } from '@hm-sdk/auth';
import type { Clock } from '../clock.js';
import type { HmRequestMethod } from '../result.js';
import type { RateGate } from '../transport/rate-gate.js';
import type { HmRequestOptions } from '../transport/request-options.js';

/** Parts of the client that the fleet helpers use. */
export interface FleetContext {
  request: HmRequestMethod;
  clock: Clock;
  gate: RateGate;
  logger: Logger;
}

/** Options of one helper call: cancellation, timeout and retries. */
export type CallOptions = Pick<HmRequestOptions, 'signal' | 'timeoutMs' | 'retry'>;
