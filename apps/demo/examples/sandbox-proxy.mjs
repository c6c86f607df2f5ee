// sandbox-proxy.mjs: keeps the High Mobility credentials on this machine and offers a web page
// only the calls it needs. Run it next to the credentials file from the console:
//   node sandbox-proxy.mjs
// It has no login of its own, so it listens on 127.0.0.1 only. Add one before exposing it.
import { createServer } from 'node:http';
import { loadCredentialsFile } from '@hm-sdk/auth/node';
import { createHmClient } from '@hm-sdk/client';

const client = createHmClient({
  credentials: await loadCredentialsFile(process.env.HM_CREDENTIALS_FILE ?? 'hm-credentials.json'),
  // HM_BASE_URL points the proxy at a mock in tests; without it, the sandbox is called.
  ...(process.env.HM_BASE_URL ? { baseUrl: process.env.HM_BASE_URL } : { environment: 'sandbox' }),
});

const vinPattern = '([A-HJ-NPR-Z0-9]{17})';
const routes = [
  ['POST', /^\/api\/eligibility$/, (_, body) => client.checkEligibility(body)],
  ['POST', /^\/api\/clearances$/, (_, body) => client.requestClearance(body.vehicles)],
  ['GET', new RegExp(`^/api/clearances/${vinPattern}$`), (vin) => client.getClearance(vin)],
  ['GET', new RegExp(`^/api/vehicle-data/${vinPattern}$`), (vin) => client.getVehicleData(vin)],
];

async function readJson(request) {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text === '' ? {} : JSON.parse(text);
}

// Invalid JSON and invalid input (the SDK checks VINs) are the caller's fault. Other SDK errors
// carry the API's status and errors[], never a secret.
function statusFor(error) {
  if (error instanceof SyntaxError || error instanceof TypeError) return 400;
  return typeof error.status === 'number' ? error.status : 502;
}

function send(response, status, body) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

const server = createServer(async (request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
  for (const [method, pattern, handle] of routes) {
    const match = request.method === method ? pattern.exec(pathname) : null;
    if (!match) continue;
    try {
      send(response, 200, await handle(match[1], method === 'POST' ? await readJson(request) : {}));
    } catch (error) {
      send(response, statusFor(error), { error: error.message, errors: error.errors ?? [] });
    }
    return;
  }
  send(response, 404, { error: `No route for ${request.method} ${pathname}` });
});

server.listen(Number(process.env.PORT ?? 8787), '127.0.0.1', () => {
  console.log(`Proxy listening on http://127.0.0.1:${server.address().port}`);
});
