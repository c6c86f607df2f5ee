/**
 * Time per request of the raw openapi-fetch client, `client.api.GET(...)`, and of the typed
 * `client.request(...)`, each against a bare `fetch` with the same bearer header and JSON
 * parsing. All requests go one after another to one node:http server on 127.0.0.1 that returns
 * fixed bytes. The
 * helpers such as `getClearance` share the `client.request` path; the workspace suite measures
 * them in `client.overhead-vs-fetch`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmClient } from '../src/index.js';
import { isShort, printResult, progress } from './support.js';

const vin = '1HMBENCH000000002';
const token = 'bench-token';
const clearance = JSON.stringify({ vin, brand: 'sandbox', status: 'approved', changelog: [] });
const requestsPerRun = isShort ? 200 : 2_000;
const runs = isShort ? 3 : 7;

const server = createServer((request, response) => {
  request.resume();
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(clearance);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// A fixed token keeps the token endpoint out of the measurement.
const tokenProvider = {
  getToken: async () => ({
    accessToken: token,
    tokenType: 'bearer' as const,
    scopes: [],
    expiresAt: new Date(8.64e15),
  }),
  invalidate() {},
};
const client = createHmClient({ tokenProvider, baseUrl: url });
const params = { path: { vin } };

const sides = {
  api: () => client.api.GET('/v1/fleets/vehicles/{vin}', { params }),
  request: () => client.request('get', '/v1/fleets/vehicles/{vin}', { params }),
  fetch: async () => {
    const response = await fetch(`${url}/v1/fleets/vehicles/${vin}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return response.json();
  },
};
type Side = keyof typeof sides;

/** Sends `requestsPerRun` requests one after another and returns microseconds per request. */
async function microsecondsPerRequest(side: Side): Promise<number> {
  const send = sides[side];
  const started = performance.now();
  for (let index = 0; index < requestsPerRun; index += 1) await send();
  return ((performance.now() - started) * 1000) / requestsPerRun;
}

const samples: Record<Side, number[]> = { api: [], request: [], fetch: [] };
const orders: Side[][] = [
  ['api', 'request', 'fetch'],
  ['fetch', 'request', 'api'],
  ['request', 'fetch', 'api'],
];
try {
  // Warm-up: JIT compilation and the keep-alive connections.
  for (const side of Object.keys(sides) as Side[]) await microsecondsPerRequest(side);
  for (let run = 0; run < runs; run += 1) {
    // Rotate the order so that no side always runs first after a pause.
    for (const side of orders[run % orders.length] ?? [])
      samples[side].push(await microsecondsPerRequest(side));
    progress(
      `run ${run + 1}/${runs}: api ${samples.api.at(-1)?.toFixed(0)} µs, request ${samples.request.at(-1)?.toFixed(0)} µs, fetch ${samples.fetch.at(-1)?.toFixed(0)} µs`,
    );
  }
} finally {
  server.closeAllConnections();
  server.close();
}

const baseline = { name: 'fetch + bearer header + response.json()', samples: samples.fetch };
const extra = { requestsPerRun, server: 'node:http on 127.0.0.1, fixed JSON' };
printResult({
  name: 'client.api-overhead-vs-fetch',
  title: `client.api.GET() vs bare fetch, ${requestsPerRun} requests per run`,
  unit: 'µs',
  better: 'lower',
  subject: { name: 'client.api.GET (openapi-fetch)', samples: samples.api },
  baseline,
  extra,
});
printResult({
  name: 'client.request-overhead-vs-fetch',
  title: `client.request() vs bare fetch, ${requestsPerRun} requests per run`,
  unit: 'µs',
  better: 'lower',
  subject: { name: "client.request('get', ...)", samples: samples.request },
  baseline,
  extra,
});
