import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createMockApi, type MockApi, type MockApiOptions } from '@hm-sdk/mock-server';
import { startMockHttpServer } from '@hm-sdk/mock-server/node';
import { generateP256KeyPair } from '../../src/keys.js';

/** A mock HTTP listener with one app that has a client secret and a registered key. */
export interface TestMock {
  mock: MockApi;
  url: string;
  clientId: string;
  clientSecret: string;
  privateKeyId: string;
  privateKeyPem: string;
  /** Values that must never show up in CLI output. */
  secrets: string[];
  /** Environment variables that authenticate with the client secret against this mock. */
  secretEnv: Record<string, string>;
  close(): Promise<void>;
}

/** Lines of a PEM body; any one of them in the output means the key leaked. */
function pemBodyLines(pem: string): string[] {
  return pem.split('\n').filter((line) => line !== '' && !line.startsWith('-----'));
}

/** Starts the mock on 127.0.0.1 with a free port and registers an app and a key pair. */
export async function startTestMock(options: MockApiOptions = {}): Promise<TestMock> {
  const mock = createMockApi({ approvalDelayMs: 300, ...options });
  const server = await startMockHttpServer(mock, { port: 0 });
  const { clientId, clientSecret } = mock.registerApp();
  const keyPair = await generateP256KeyPair();
  const { privateKeyId } = mock.registerPrivateKey({ clientId, publicKey: keyPair.publicJwk });
  return {
    mock,
    url: server.url,
    clientId,
    clientSecret,
    privateKeyId,
    privateKeyPem: keyPair.privateKeyPem,
    secrets: [clientSecret, ...pemBodyLines(keyPair.privateKeyPem)],
    secretEnv: { HM_ENV: server.url, HM_CLIENT_ID: clientId, HM_CLIENT_SECRET: clientSecret },
    close: () => server.close(),
  };
}

/** Writes a console-style credentials JSON for the mock's key and returns its path. */
export async function writeCredentialsFile(dir: string, mock: TestMock, name = 'credentials.json') {
  const path = join(dir, name);
  const json = {
    client_id: mock.clientId,
    id: mock.privateKeyId,
    private_key: mock.privateKeyPem,
    inserted_at: new Date().toISOString(),
  };
  await writeFile(path, JSON.stringify(json), { mode: 0o600 });
  return path;
}

let vinCounter = 0;

/** Returns a VIN that no other test of this file uses: `2HM`, then 14 digits from a counter. */
export function uniqueVin(): string {
  vinCounter += 1;
  return `2HM${String(vinCounter).padStart(14, '0')}`;
}
