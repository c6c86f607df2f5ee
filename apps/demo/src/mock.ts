import { createMockApi, type MockApi } from '@hm-sdk/mock-server';
import { startMockWorker } from '@hm-sdk/mock-server/browser';

/**
 * Creates the mock and starts msw's service worker, which hands every request to the API paths
 * back to the mock in this page. The mock is narrowed to the page's own origin, so requests to
 * any other origin are neither answered nor sent on by the demo.
 */
export async function startDemoMock(baseUrl: string): Promise<MockApi> {
  // Two seconds of "pending" is long enough to watch the status change and short enough to wait.
  const mock = createMockApi({ baseUrl, approvalDelayMs: 2000 });
  await startMockWorker(mock, {
    serviceWorkerUrl: `${import.meta.env.BASE_URL}mockServiceWorker.js`,
    quiet: true,
  });
  return mock;
}
