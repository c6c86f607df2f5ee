// mock.msw-handler: in-process cost of one request through the mock's msw handlers
// (msw getResponse, no network), against a single trivial msw handler that returns the same
// JSON, which is the floor msw itself sets. Also reports the token request cost.
import { getResponse, HttpResponse, http } from 'msw';
import { prepareMock, ratioSummary, round, short, vin } from './shared.mjs';

const runs = short ? 3 : 7;
const iterations = short ? 200 : 2000;
const base = 'https://sandbox.api.high-mobility.com';

/** Returns the mean microseconds per request over `iterations` requests. */
async function meanMicroseconds(handlers, makeRequest) {
  const started = performance.now();
  for (let index = 0; index < iterations; index += 1) {
    const response = await getResponse(handlers, makeRequest());
    await response.arrayBuffer();
  }
  return ((performance.now() - started) * 1000) / iterations;
}

const { mock, token, clientId, clientSecret } = await prepareMock(base);
const read = () =>
  new Request(`${base}/v1/fleets/vehicles/${vin}`, {
    headers: { authorization: `Bearer ${token}` },
  });
const tokenRequest = () =>
  new Request(`${base}/v1/access_tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }),
  });
const body = await (await getResponse(mock.handlers, read())).json();
const trivial = [http.get('*/v1/fleets/vehicles/:vin', () => HttpResponse.json(body))];

await meanMicroseconds(mock.handlers, read);
await meanMicroseconds(trivial, read);
const subject = [];
const baseline = [];
const tokenSamples = [];
for (let run = 0; run < runs; run += 1) {
  if (run % 2 === 0) {
    baseline.push(round(await meanMicroseconds(trivial, read)));
    subject.push(round(await meanMicroseconds(mock.handlers, read)));
  } else {
    subject.push(round(await meanMicroseconds(mock.handlers, read)));
    baseline.push(round(await meanMicroseconds(trivial, read)));
  }
  tokenSamples.push(round(await meanMicroseconds(mock.handlers, tokenRequest)));
}

console.log(
  JSON.stringify({
    name: 'mock.msw-handler',
    title: `mock handlers vs one trivial msw handler, GET clearance, ${iterations} requests per run`,
    unit: 'µs',
    better: 'lower',
    subject: { name: 'createMockApi().handlers', samples: subject },
    baseline: { name: 'one msw handler, same JSON', samples: baseline },
    ratio: ratioSummary(subject, baseline),
    extra: {
      iterations,
      tokenRequestMedianMicroseconds: [...tokenSamples].sort((a, b) => a - b)[
        Math.floor(tokenSamples.length / 2)
      ],
    },
  }),
);
