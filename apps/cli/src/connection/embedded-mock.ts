import type { Output } from '../output.js';

/** A mock API started inside this process for `--env mock`, with an app registered on it. */
export interface EmbeddedMock {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/**
 * Starts the mock on a loopback port and registers an app. The mock's state lives only as long as
 * this process, so a clearance requested by one command is unknown to the next one.
 */
export async function startEmbeddedMock(output: Output): Promise<EmbeddedMock> {
  // Loaded only here: the mock and msw take about a second to import.
  const { createMockApi } = await import('@hm-sdk/mock-server');
  const { startMockHttpServer } = await import('@hm-sdk/mock-server/node');
  const mock = createMockApi();
  const server = await startMockHttpServer(mock, { host: '127.0.0.1', port: 0 });
  const app = mock.registerApp();
  if (output.interactive || output.debug) {
    output.err(
      output.errStyle.dim(
        `Using an in-process mock at ${server.url}; its state ends when this command exits.`,
      ),
    );
  }
  return { baseUrl: server.url, ...app, close: () => server.close() };
}
