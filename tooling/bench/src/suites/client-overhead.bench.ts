/**
 * Time per request of `client.getClearance()` against a bare `fetch` with the same bearer
 * header and JSON parsing, both sent one after another to the same node:http server on
 * 127.0.0.1. The server returns fixed bytes, so the difference is the client's own work: VIN
 * check, openapi-fetch, the bearer middleware with a cached token, and its response handling.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmClient } from '@hm-sdk/client';
import { bySize, emit, pairedRuns } from '../measure.js';

const vin = '1HMBENCH000000001';
const token = 'bench-access-token';
const clearanceBody = JSON.stringify({
  vin,
  brand: 'sandbox',
  status: 'approved',
  changelog: [{ status: 'approved', timestamp: '2026-01-01T00:00:00.000Z' }],
});
const tokenBody = JSON.stringify({
  access_token: token,
  token_type: 'bearer',
  expires_in: 3600,
  scope: 'fleet:clearance',
});

function startServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const isToken = request.method === 'POST' && request.url === '/v1/access_tokens';
    request.resume();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(isToken ? tokenBody : clearanceBody);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}` });
    });
  });
}

/** Sends `count` requests one after another and returns the mean microseconds per request. */
async function meanMicroseconds(count: number, send: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < count; index++) await send();
  return ((performance.now() - started) * 1000) / count;
}

const requestsPerRun = bySize(200, 2_000);
const { server, url } = await startServer();
try {
  const client = createHmClient({
    credentials: { clientId: 'bench-client', clientSecret: 'bench-secret' },
    baseUrl: url,
  });
  const clientGet = () => client.getClearance(vin);
  const bareGet = async () => {
    const response = await fetch(`${url}/v1/fleets/vehicles/${vin}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`Bare fetch failed with status ${response.status}.`);
    return response.json();
  };

  // Warm-up: the token request, JIT compilation and the keep-alive connection pool.
  await meanMicroseconds(requestsPerRun / 4, clientGet);
  await meanMicroseconds(requestsPerRun / 4, bareGet);
  const samples = await pairedRuns(
    bySize(3, 7),
    () => meanMicroseconds(requestsPerRun, clientGet),
    () => meanMicroseconds(requestsPerRun, bareGet),
  );
  emit({
    name: 'client.overhead-vs-fetch',
    title: `client.getClearance() vs bare fetch, ${requestsPerRun} requests per run`,
    unit: 'µs',
    better: 'lower',
    subject: { name: 'client.getClearance(vin)', samples: samples.subject },
    baseline: { name: 'fetch + bearer header + response.json()', samples: samples.baseline },
    extra: { requestsPerRun, server: 'node:http on 127.0.0.1, fixed JSON' },
  });
} finally {
  server.closeAllConnections();
  server.close();
}
