import { createHmClient } from '@hm-sdk/client';
import { createMockApi } from '@hm-sdk/mock-server';
import { startMockHttpServer } from '@hm-sdk/mock-server/node';

// A mock of the High Mobility API on a loopback port; it approves sandbox clearances at once.
const mock = createMockApi({ approvalDelayMs: 0 });
const app = mock.registerApp();
const server = await startMockHttpServer(mock);
const vin = '2HM00000000000001';

try {
  const client = createHmClient({
    credentials: { clientId: app.clientId, clientSecret: app.clientSecret },
    baseUrl: server.url, // leave out to use the sandbox, or pass environment: 'production'
  });

  const eligibility = await client.checkEligibility({ vin, brand: 'sandbox' });
  process.stdout.write(`eligible: ${eligibility.eligible}\n`);

  const { vehicles } = await client.requestClearance([{ vin, brand: 'sandbox' }]);
  process.stdout.write(`clearance requested: ${vehicles[0]?.status}\n`);

  const clearance = await client.waitForClearance(vin, { until: 'approved', timeoutMs: 30_000 });
  process.stdout.write(`clearance: ${clearance.status}\n`);

  const data = await client.getVehicleData(vin);
  const odometer = data.diagnostics?.odometer?.[0]?.data;
  process.stdout.write(`odometer: ${odometer?.value} ${odometer?.unit}\n`);
} finally {
  await server.close();
}
