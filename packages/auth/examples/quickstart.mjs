import { createTokenProvider } from '@hm-sdk/auth';
import { createMockApi } from '@hm-sdk/mock-server';
import { startMockHttpServer } from '@hm-sdk/mock-server/node';

// A mock of the High Mobility API on a loopback port, with one registered app.
const mock = createMockApi();
const app = mock.registerApp();
const server = await startMockHttpServer(mock);

try {
  const provider = createTokenProvider({
    credentials: { clientId: app.clientId, clientSecret: app.clientSecret },
    baseUrl: server.url, // leave out to use the sandbox, or pass environment: 'production'
  });
  const token = await provider.getToken();
  process.stdout.write(`scopes: ${token.scopes.join(', ')}\n`);
  process.stdout.write(`expires: ${token.expiresAt.toISOString()}\n`);
} finally {
  await server.close();
}
