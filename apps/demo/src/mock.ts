import { createMockApi, type MockApi } from '@hm-sdk/mock-server';
import { startMockWorker } from '@hm-sdk/mock-server/browser';
import { HttpResponse, http } from 'msw';
import type { SetupWorker } from 'msw/browser';
import type { ScenarioId } from './scenarios.js';

/** The VIN the page suggests: a sandbox vehicle with full eligibility details. */
export const demoVin = '2HM00000000000001';

/** How long the rate-limit scenario asks clients to wait, in seconds. */
const retryAfterSeconds = 1;

/** The mock and the msw worker that serves it. */
export interface DemoMock {
  readonly api: MockApi;
  readonly worker: SetupWorker;
}

/**
 * Creates the mock and starts msw's service worker, which hands every request to the API paths
 * back to the mock in this page. The mock is narrowed to the page's own origin, so requests to
 * any other origin are neither answered nor sent on by the demo.
 */
export async function startDemoMock(baseUrl: string): Promise<DemoMock> {
  // Two seconds of "pending" is long enough to watch the status change and short enough to wait.
  const api = createMockApi({ baseUrl, approvalDelayMs: 2000 });
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
 * Answers every eligibility check with HTTP 429 and a `Retry-After` header, as the API does when
 * an app calls it too often.
 */
function rateLimitHandler(baseUrl: string) {
  return http.post(`${baseUrl}/v1/eligibility`, () =>
    HttpResponse.json(
      {
        errors: [
          {
            title: 'Too many requests',
            detail: `The app exceeded its request rate. Retry after ${retryAfterSeconds} s.`,
          },
        ],
        request_id: crypto.randomUUID(),
      },
      { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
    ),
  );
}

/**
 * Sets up the mock for a scenario that the mock itself decides. The other scenarios act in the
 * page: wrong credentials in step 1, the invalid VIN in the form.
 */
export function applyScenario(mock: DemoMock, baseUrl: string, scenario: ScenarioId): void {
  // TODO: use the mock's own fault injection for the rate limit once @hm-sdk/mock-server has one.
  mock.worker.resetHandlers();
  if (scenario === 'rate-limit') mock.worker.use(rateLimitHandler(baseUrl));
}
