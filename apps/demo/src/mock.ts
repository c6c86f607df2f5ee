import { createMockApi, type MockApi } from '@hm-sdk/mock-server';
import { startMockWorker } from '@hm-sdk/mock-server/browser';
import type { SetupWorker } from 'msw/browser';
import type { ScenarioId } from './scenarios.js';

/** The VIN the page suggests: a sandbox vehicle with full eligibility details. */
export const demoVin = '2HM00000000000001';

/**
 * Reads how long clearances stay pending, in milliseconds, from the page's `approvalDelayMs`
 * query parameter (0 to 60,000). Two seconds by default: long enough to watch the status change.
 * The tests pass a shorter delay to save time.
 */
export function approvalDelayFrom(search: string): number {
  const value = Number(new URLSearchParams(search).get('approvalDelayMs') ?? Number.NaN);
  return Number.isInteger(value) && value >= 0 && value <= 60_000 ? value : 2000;
}

/** The `Retry-After` value of the rate-limit scenario's responses, in seconds. */
const retryAfterSeconds = 1;

/** The mock and the msw worker that serves it. */
export interface DemoMock {
  readonly api: MockApi;
  readonly worker: SetupWorker;
}

/**
 * Creates the mock and starts msw's service worker, which hands every request to the API paths
 * back to the mock in this page. The mock is narrowed to the page's own origin, so requests to
 * any other origin are neither handled nor forwarded by the demo.
 */
export async function startDemoMock(baseUrl: string, approvalDelayMs: number): Promise<DemoMock> {
  const api = createMockApi({ baseUrl, approvalDelayMs });
  api.addVehicle({
    vin: demoVin,
    brand: 'sandbox',
    connectivityStatus: 'activated',
    primaryUserAssigned: true,
  });
  const worker = await startMockWorker(api, {
    serviceWorkerUrl: `${import.meta.env.BASE_URL}mockServiceWorker.js`,
    quiet: true,
  });
  return { api, worker };
}

/**
 * Sets up the mock for a scenario that the mock itself produces. The other scenarios act in the
 * page: wrong credentials in step 1, the invalid VIN in the form, the rejection in step 4.
 */
export function applyScenario(mock: DemoMock, scenario: ScenarioId): void {
  mock.api.clearFaults();
  if (scenario === 'rate-limit') {
    // Every eligibility check gets a 429 in the API's error shape, with a Retry-After header.
    mock.api.injectFault(
      'POST /v1/eligibility',
      { type: 'rate-limit', retryAfterSeconds },
      { times: Number.POSITIVE_INFINITY },
    );
  }
}
