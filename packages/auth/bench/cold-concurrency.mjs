// Counts the HTTP requests that 1,000 concurrent getToken() calls on a cold cache make,
// over the mock's HTTP listener. Prints one JSON line.
import { createMockApi } from '@hm-sdk/mock-server';
import { startMockHttpServer } from '@hm-sdk/mock-server/node';
import { createTokenProvider } from '../dist/index.js';

const callers = 1_000;
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);

const mock = createMockApi();
const app = mock.registerApp();
const server = await startMockHttpServer(mock);
try {
  const requestsPerRound = [];
  const durationsMs = [];
  for (let round = 0; round < rounds; round += 1) {
    const before = mock.requests.length;
    const provider = createTokenProvider({ credentials: app, baseUrl: server.url });
    const start = performance.now();
    await Promise.all(Array.from({ length: callers }, () => provider.getToken()));
    durationsMs.push(Math.round(performance.now() - start));
    requestsPerRound.push(mock.requests.length - before);
  }
  const result = {
    benchmark: 'auth.getToken.coldConcurrent',
    callers,
    rounds,
    httpRequestsPerRound: requestsPerRound,
    maxHttpRequests: Math.max(...requestsPerRound),
    durationsMs,
    node: process.version,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await server.close();
}
