import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockApi } from '../src/index.js';
import { type MockHttpServer, startMockHttpServer } from '../src/node/index.js';
import { sandboxVin } from './helpers.js';

const run = promisify(execFile);
const curlPath = '/usr/bin/curl';

/** Runs curl against the listener and returns the body and the status from `--write-out`. */
async function curl(args: string[]): Promise<{ status: number; body: string }> {
  const { stdout } = await run(curlPath, [
    '--silent',
    '--show-error',
    '--write-out',
    '\n%{http_code}',
    ...args,
  ]);
  const separator = stdout.lastIndexOf('\n');
  return { status: Number(stdout.slice(separator + 1)), body: stdout.slice(0, separator) };
}

// Shows that a client outside JavaScript can use the listener; skipped where curl is missing.
describe.skipIf(!existsSync(curlPath))('HTTP listener with curl', () => {
  const mock = createMockApi({ approvalDelayMs: 0 });
  let server: MockHttpServer;
  beforeAll(async () => {
    server = await startMockHttpServer(mock);
  });
  afterAll(() => server.close());

  it('runs the token and clearance flow', async () => {
    const { clientId, clientSecret } = mock.registerApp();
    const token = await curl([
      '-X',
      'POST',
      `${server.url}/v1/access_tokens`,
      '--data-urlencode',
      'grant_type=client_credentials',
      '--data-urlencode',
      `client_id=${clientId}`,
      '--data-urlencode',
      `client_secret=${clientSecret}`,
    ]);
    expect(token.status).toBe(200);
    const accessToken = (JSON.parse(token.body) as { access_token: string }).access_token;

    const created = await curl([
      '-X',
      'POST',
      `${server.url}/v1/fleets/vehicles`,
      '-H',
      `Authorization: Bearer ${accessToken}`,
      '-H',
      'Content-Type: application/json',
      '--data',
      JSON.stringify({ vehicles: [{ vin: sandboxVin, brand: 'sandbox' }] }),
    ]);
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toEqual({
      vehicles: [{ vin: sandboxVin, status: 'approved', tags: {} }],
    });
  });

  it('selects a scenario by header', async () => {
    const { status, body } = await curl([
      '-H',
      'x-hm-mock-scenario: html-502',
      `${server.url}/v1/fleets/vehicles`,
    ]);
    expect(status).toBe(502);
    expect(body).toContain('502 Bad Gateway');
  });
});
