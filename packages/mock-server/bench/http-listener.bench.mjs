// mock.http-listener: requests per second through the mock's HTTP listener against a bare
// node:http server that returns the same JSON bytes. Both listen on 127.0.0.1; the load comes
// from keep-alive loops in this process. Runs alternate which server goes first.
import { Agent, createServer, request as httpRequest } from 'node:http';
import { startMockHttpServer } from '../dist/node/index.js';
import { prepareMock, ratioSummary, round, short, vin } from './shared.mjs';

const runs = short ? 3 : 5;
const runMs = short ? 300 : 2000;
const concurrency = 16;
// Caps the requests of one run, so the load stays bounded on any machine.
const maxRequestsPerRun = 200_000;

async function startBareServer(body) {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  };
}

/** Sends one GET through a keep-alive agent and resolves with the status once the body is read. */
function get(url, headers, agent) {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
    });
    request.on('error', reject);
    request.end();
  });
}

/** Sends requests from `concurrency` loops for `runMs`; returns requests per second. */
async function measure(url, headers) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const deadline = performance.now() + runMs;
  let sent = 0;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() < deadline && sent < maxRequestsPerRun) {
      sent += 1;
      const status = await get(url, headers, agent);
      if (status !== 200) throw new Error(`GET ${url} returned ${status}, expected 200`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return sent / ((performance.now() - started) / 1000);
}

const { mock, token } = await prepareMock('http://127.0.0.1');
const mockServer = await startMockHttpServer(mock);
const headers = { authorization: `Bearer ${token}` };
const path = `/v1/fleets/vehicles/${vin}`;
const body = await (await fetch(`${mockServer.url}${path}`, { headers })).text();
const bareServer = await startBareServer(body);

try {
  // One warm-up run per server lets the JIT settle before the measured runs.
  await measure(`${bareServer.url}${path}`, headers);
  await measure(`${mockServer.url}${path}`, headers);
  const subject = [];
  const baseline = [];
  for (let run = 0; run < runs; run += 1) {
    if (run % 2 === 0) {
      baseline.push(round(await measure(`${bareServer.url}${path}`, headers)));
      subject.push(round(await measure(`${mockServer.url}${path}`, headers)));
    } else {
      subject.push(round(await measure(`${mockServer.url}${path}`, headers)));
      baseline.push(round(await measure(`${bareServer.url}${path}`, headers)));
    }
  }
  const result = {
    name: 'mock.http-listener',
    title: `mock HTTP listener vs bare node:http, GET clearance, ${concurrency} keep-alive loops`,
    unit: 'ops/s',
    better: 'higher',
    subject: { name: 'startMockHttpServer', samples: subject },
    baseline: { name: 'node:http, same JSON', samples: baseline },
    ratio: ratioSummary(subject, baseline),
    extra: { concurrency, runMs, bodyBytes: Buffer.byteLength(body) },
  };
  console.log(JSON.stringify(result));
} finally {
  await mockServer.close();
  await bareServer.close();
}
