// Measures getToken() calls per second on a warm cache. Prints one JSON line.
import { createMockApi } from '@hm-sdk/mock-server';
import { startMockHttpServer } from '@hm-sdk/mock-server/node';
import { createTokenProvider } from '../dist/index.js';

const minimumDurationMs = Number(process.env.BENCH_DURATION_MS ?? 1_000);
const batch = 1_000;

const mock = createMockApi();
const app = mock.registerApp();
const server = await startMockHttpServer(mock);
try {
  const provider = createTokenProvider({ credentials: app, baseUrl: server.url });
  await provider.getToken();
  for (let index = 0; index < 10 * batch; index += 1) {
    await provider.getToken();
  }

  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minimumDurationMs) {
    for (let index = 0; index < batch; index += 1) {
      await provider.getToken();
    }
    calls += batch;
    elapsed = performance.now() - start;
  }
  const result = {
    benchmark: 'auth.getToken.warm',
    callsPerSecond: Math.round((calls / elapsed) * 1_000),
    calls,
    durationMs: Math.round(elapsed),
    httpRequests: mock.requests.length,
    node: process.version,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await server.close();
}
