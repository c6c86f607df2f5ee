// Compares the cost of building a private key token request body (fresh ES256 assertion) with
// a bare jose sign of the same claims and key in the same run. Prints one JSON line.
import { SignJWT } from 'jose';
import { buildTokenRequestFields, createCredentials } from '../dist/credentials/credentials.js';

const iterations = Number(process.env.BENCH_ITERATIONS ?? 2_000);
const audience = 'https://sandbox.api.high-mobility.com/v1';

const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
  'sign',
]);
const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', pair.privateKey)).toString(
  'base64',
);
const pem = `-----BEGIN PRIVATE KEY-----\n${pkcs8}\n-----END PRIVATE KEY-----\n`;
const key = await crypto.subtle.importKey(
  'pkcs8',
  Buffer.from(pkcs8, 'base64'),
  { name: 'ECDSA', namedCurve: 'P-256' },
  false,
  ['sign'],
);
const credentials = createCredentials({ privateKeyId: 'bench-key', privateKey: pem });

function bareSign() {
  return new SignJWT({ ver: 2 })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .setIssuer('bench-key')
    .setAudience(audience)
    .setJti(crypto.randomUUID())
    .setIssuedAt()
    .sign(key);
}

function sdkSign() {
  return buildTokenRequestFields(credentials, audience, Date.now());
}

async function timePerOperation(operation) {
  const start = performance.now();
  for (let index = 0; index < iterations; index += 1) {
    await operation();
  }
  return (performance.now() - start) / iterations;
}

// Warm up both paths, then alternate so drift in machine load hits both alike.
await timePerOperation(bareSign);
await timePerOperation(sdkSign);
const bare = [];
const sdk = [];
for (let round = 0; round < 3; round += 1) {
  bare.push(await timePerOperation(bareSign));
  sdk.push(await timePerOperation(sdkSign));
}
const bareMs = Math.min(...bare);
const sdkMs = Math.min(...sdk);
const result = {
  benchmark: 'auth.assertion.signing',
  iterations,
  bareJoseMsPerSign: Number(bareMs.toFixed(4)),
  sdkMsPerAssertion: Number(sdkMs.toFixed(4)),
  ratio: Number((sdkMs / bareMs).toFixed(3)),
  node: process.version,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
