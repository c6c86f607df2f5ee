import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMockApi } from '@hm-sdk/mock-server';
import { type MockHttpServer, startMockHttpServer } from '@hm-sdk/mock-server/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullJwtPattern } from './fixture.js';

const demoRoot = join(import.meta.dirname, '..');
const vin = '2HM00000000000001';

let mockServer: MockHttpServer;
let proxy: ChildProcess;
let proxyUrl: string;
let workDir: string;

async function writeCredentialsFile(directory: string): Promise<string> {
  const mock = createMockApi({ approvalDelayMs: 0 });
  mockServer = await startMockHttpServer(mock);
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const base64Lines = pkcs8.toString('base64').match(/.{1,64}/g) ?? [];
  const privateKeyPem = `-----BEGIN PRIVATE KEY-----\n${base64Lines.join('\n')}\n-----END PRIVATE KEY-----\n`;
  const { privateKeyId, clientId } = mock.registerPrivateKey({ publicKey: pair.publicKey });
  const path = join(directory, 'hm-credentials.json');
  const file = {
    client_id: clientId,
    id: privateKeyId,
    private_key: privateKeyPem,
    inserted_at: new Date().toISOString(),
  };
  await writeFile(path, JSON.stringify(file));
  return path;
}

/** Starts the example proxy on a free port and resolves with its URL once it listens. */
function startProxy(credentialsFile: string): Promise<string> {
  proxy = spawn(process.execPath, ['examples/sandbox-proxy.mjs'], {
    cwd: demoRoot,
    env: {
      ...process.env,
      HM_CREDENTIALS_FILE: credentialsFile,
      HM_BASE_URL: mockServer.url,
      PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Proxy listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    proxy.stdout?.on('data', collect);
    proxy.stderr?.on('data', collect);
    proxy.on('exit', (code) => reject(new Error(`The proxy exited with code ${code}:\n${output}`)));
  });
}

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${proxyUrl}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const text = await response.text();
  expect(text).not.toContain('PRIVATE KEY');
  expect(text).not.toMatch(fullJwtPattern);
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'hm-demo-proxy-'));
  proxyUrl = await startProxy(await writeCredentialsFile(workDir));
});

afterAll(async () => {
  proxy?.kill();
  await mockServer?.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('sandbox proxy example', () => {
  it('checks eligibility with server-side credentials', async () => {
    const { status, body } = await call('POST', '/api/eligibility', { vin, brand: 'sandbox' });
    expect(status).toBe(200);
    expect(body.eligible).toBe(true);
  });

  it('requests clearance and reads vehicle data', async () => {
    const requested = await call('POST', '/api/clearances', {
      vehicles: [{ vin, brand: 'sandbox' }],
    });
    expect(requested.status).toBe(200);

    let clearance = await call('GET', `/api/clearances/${vin}`);
    for (let attempt = 0; attempt < 20 && clearance.body.status !== 'approved'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      clearance = await call('GET', `/api/clearances/${vin}`);
    }
    expect(clearance.body.status).toBe('approved');

    const data = await call('GET', `/api/vehicle-data/${vin}`);
    expect(data.status).toBe(200);
    expect(data.body.diagnostics).toBeTypeOf('object');
  });

  it('rejects invalid input with 400', async () => {
    const { status, body } = await call('POST', '/api/eligibility', {
      vin: 'SHORT',
      brand: 'sandbox',
    });
    expect(status).toBe(400);
    expect(body.error).toContain('Invalid VIN');
  });

  it('answers unknown routes with 404', async () => {
    const { status } = await call('GET', '/api/vehicle-data/not-a-vin');
    expect(status).toBe(404);
  });

  it('passes API errors on with their status', async () => {
    const { status, body } = await call('GET', '/api/vehicle-data/2HM00000000000009');
    expect(status).toBe(403);
    expect(body.errors).toEqual([expect.objectContaining({ title: expect.any(String) })]);
  });
});
