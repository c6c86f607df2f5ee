import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateP256KeyPair } from '../src/keys.js';
import { createTestHome, expectNoSecrets, runHm } from './support/cli.js';
import { startTestMock, type TestMock, writeCredentialsFile } from './support/mock.js';

let mock: TestMock;
let home: Awaited<ReturnType<typeof createTestHome>>;
let credentialsFile: string;

/** Returns a port on 127.0.0.1 that nothing listens on, by binding and releasing it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  [mock, home] = await Promise.all([startTestMock(), createTestHome()]);
  credentialsFile = await writeCredentialsFile(home.dir, mock);
});

afterAll(async () => {
  expectNoSecrets(mock.secrets);
  await Promise.all([mock.close(), home.remove()]);
});

describe.concurrent('hm token', () => {
  it('shows expiry and scopes, not the token', async () => {
    const result = await runHm(['token'], home.env, { env: mock.secretEnv });

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/type\s+bearer/);
    expect(result.stdout).toMatch(/expires\s+\S+Z \(in \d+ s\)/);
    expect(result.stdout).toMatch(
      /scopes\s+fleet:clearance vehicle:eligibility-check vehicle:data/,
    );
    expect(result.stdout).toContain(mock.url);
  });

  it('prints a stable JSON shape', async () => {
    const result = await runHm(['token', '--json'], home.env, { env: mock.secretEnv });
    const body = JSON.parse(result.stdout);

    expect(result.code).toBe(0);
    expect(Object.keys(body).sort()).toEqual(
      ['baseUrl', 'expiresAt', 'expiresInSeconds', 'scopes', 'tokenType'].sort(),
    );
    expect(body.baseUrl).toBe(mock.url);
    expect(body.tokenType).toBe('bearer');
    expect(body.scopes).toEqual(['fleet:clearance', 'vehicle:eligibility-check', 'vehicle:data']);
    expect(body.expiresInSeconds).toBeGreaterThan(250);
    expect(body.expiresInSeconds).toBeLessThanOrEqual(300);
    expect(Number.isNaN(Date.parse(body.expiresAt))).toBe(false);
  });

  it('decodes the claims with --decode', async () => {
    const human = await runHm(['token', '--decode'], home.env, { env: mock.secretEnv });
    const json = await runHm(['token', '--decode', '--json'], home.env, { env: mock.secretEnv });
    const body = JSON.parse(json.stdout);

    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/alg\s+ES256/);
    expect(human.stdout).toMatch(new RegExp(`sub\\s+${mock.clientId}`));
    expect(human.stdout).toMatch(/exp\s+\d+ \(\d{4}-\d{2}-\d{2}T/);
    expect(body.header.alg).toBe('ES256');
    expect(body.claims.sub).toBe(mock.clientId);
    expect(body.claims.exp - body.claims.iat).toBe(300);
    expect(body).not.toHaveProperty('accessToken');
  });

  it('prints only the token with --show-token', async () => {
    const result = await runHm(['token', '--show-token'], home.env, {
      env: mock.secretEnv,
      revealsToken: true,
    });
    const token = result.stdout.trim();
    const response = await fetch(`${mock.url}/v1/eligibility`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ vin: '2HM00000000000001', brand: 'sandbox' }),
    });

    expect(result.code).toBe(0);
    expect(token.split('\n')).toHaveLength(1);
    expect(token.split('.')).toHaveLength(3);
    expect(response.status).toBe(200);
  });

  it('adds accessToken to JSON with --show-token', async () => {
    const result = await runHm(['token', '--show-token', '--json'], home.env, {
      env: mock.secretEnv,
      revealsToken: true,
    });

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).accessToken).toMatch(/^eyJ/);
  });

  it('signs in with HM_PRIVATE_KEY', async () => {
    const result = await runHm(['token', '--json'], home.env, {
      env: {
        HM_ENV: mock.url,
        HM_PRIVATE_KEY_ID: mock.privateKeyId,
        // Many secret stores keep a PEM on one line with literal \n sequences.
        HM_PRIVATE_KEY: mock.privateKeyPem.replaceAll('\n', '\\n'),
      },
    });

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('signs in with a private key file and flags', async () => {
    const keyFile = join(home.dir, 'key.pem');
    await writeFile(keyFile, mock.privateKeyPem, { mode: 0o600 });
    const viaEnv = await runHm(['token'], home.env, {
      env: { HM_ENV: mock.url, HM_PRIVATE_KEY_ID: mock.privateKeyId, HM_PRIVATE_KEY_FILE: keyFile },
    });
    const viaFlags = await runHm(
      ['token', '--env', mock.url, '--private-key-file', keyFile],
      home.env,
      { env: { HM_PRIVATE_KEY_ID: 'not-the-key-id' } },
    );
    const viaFlagsWithId = await runHm(
      [
        'token',
        '--env',
        mock.url,
        '--private-key-file',
        keyFile,
        '--private-key-id',
        mock.privateKeyId,
      ],
      home.env,
      { env: { HM_PRIVATE_KEY_ID: 'not-the-key-id' } },
    );

    expect(viaEnv.code).toBe(0);
    expect(viaFlags.code).toBe(3);
    expect(viaFlagsWithId.code).toBe(0);
  });

  it('signs in with --credentials', async () => {
    const result = await runHm(
      ['token', '--env', mock.url, '--credentials', credentialsFile],
      home.env,
    );

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('runs against the in-process mock', async () => {
    const result = await runHm(['token', '--env', 'mock', '--json'], home.env);

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe.concurrent('hm token errors', () => {
  it('rejects a wrong client secret with exit 3', async () => {
    const result = await runHm(['token'], home.env, {
      env: { ...mock.secretEnv, HM_CLIENT_SECRET: 'wrong-secret-value' },
    });

    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('client_secret is invalid');
    expect(result.stderr).toContain('Check the credentials');
    expect(result.stderr).not.toContain('wrong-secret-value');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects an unregistered key with exit 3', async () => {
    const other = await generateP256KeyPair();
    const result = await runHm(['token'], home.env, {
      env: {
        HM_ENV: mock.url,
        HM_PRIVATE_KEY_ID: mock.privateKeyId,
        HM_PRIVATE_KEY: other.privateKeyPem,
      },
    });

    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/Token request was rejected with HTTP 4\d\d/);
  });

  it('names HM_PRIVATE_KEY when the key is unusable', async () => {
    const result = await runHm(['token'], home.env, {
      env: { HM_ENV: mock.url, HM_PRIVATE_KEY_ID: mock.privateKeyId, HM_PRIVATE_KEY: 'not a key' },
    });

    expect(result.code).toBe(3);
    expect(result.stderr).toContain('The private key from HM_PRIVATE_KEY is not usable');
  });

  it('names the variables when credentials are missing', async () => {
    const result = await runHm(['token', '--env', mock.url], home.env);

    expect(result.code).toBe(3);
    for (const name of [
      'HM_CLIENT_ID',
      'HM_CLIENT_SECRET',
      'HM_PRIVATE_KEY_ID',
      'HM_PRIVATE_KEY_FILE',
    ]) {
      expect(result.stderr).toContain(name);
    }
    expect(result.stderr).toContain('--credentials');
    expect(result.stderr).toContain('--env mock');
  });

  it('defaults to the sandbox', async () => {
    // Without credentials the command stops before any request, so no real host is contacted.
    const result = await runHm(['token'], home.env);

    expect(result.code).toBe(3);
    expect(result.stderr).toContain('No credentials found for sandbox.');
  });

  it('names the missing half of the credentials', async () => {
    const noSecret = await runHm(['token', '--env', mock.url], home.env, {
      env: { HM_CLIENT_ID: mock.clientId },
    });
    const noId = await runHm(['token', '--env', mock.url], home.env, {
      env: { HM_CLIENT_SECRET: mock.clientSecret },
    });
    const noKeyId = await runHm(['token', '--env', mock.url], home.env, {
      env: { HM_PRIVATE_KEY: mock.privateKeyPem },
    });

    expect(noSecret.code).toBe(3);
    expect(noSecret.stderr).toContain('HM_CLIENT_ID (or --client-id) is set, but no client secret');
    expect(noId.code).toBe(3);
    expect(noId.stderr).toContain('A client secret is set but HM_CLIENT_ID');
    expect(noKeyId.code).toBe(3);
    expect(noKeyId.stderr).toContain('HM_PRIVATE_KEY_ID (or --private-key-id) is missing');
  });

  it('rejects a secret and a key together', async () => {
    const result = await runHm(['token'], home.env, {
      env: { ...mock.secretEnv, HM_PRIVATE_KEY: mock.privateKeyPem, HM_PRIVATE_KEY_ID: 'x' },
    });

    expect(result.code).toBe(3);
    expect(result.stderr).toContain('Both a client secret (HM_CLIENT_SECRET) and a private key');
  });

  it('names an unreadable credentials file', async () => {
    const missing = join(home.dir, 'no-such-file.json');
    const broken = join(home.dir, 'broken.json');
    await writeFile(broken, '{ "client_id": ', { mode: 0o600 });
    const missingResult = await runHm(
      ['token', '--env', mock.url, '--credentials', missing],
      home.env,
    );
    const brokenResult = await runHm(
      ['token', '--env', mock.url, '--credentials', broken],
      home.env,
    );

    expect(missingResult.code).toBe(3);
    expect(missingResult.stderr).toContain(missing);
    expect(missingResult.stderr).toContain('ENOENT');
    expect(brokenResult.code).toBe(3);
    expect(brokenResult.stderr).toContain(broken);
    expect(brokenResult.stderr).toContain('not valid JSON');
  });

  it('rejects an invalid --env with exit 2', async () => {
    const result = await runHm(['token', '--env', 'staging'], home.env, { env: mock.secretEnv });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Invalid --env "staging"');
    expect(result.stderr).toContain('sandbox, production, mock');
  });

  it('exits 4 when the API is unreachable', async () => {
    const port = await closedPort();
    const result = await runHm(['token', '--env', `http://127.0.0.1:${port}`], home.env, {
      env: { HM_CLIENT_ID: mock.clientId, HM_CLIENT_SECRET: mock.clientSecret },
    });

    expect(result.code).toBe(4);
    expect(result.stderr).toContain('ECONNREFUSED');
  });

  it('prints errors as JSON on stderr with --json', async () => {
    const result = await runHm(['token', '--json', '--env', mock.url], home.env);
    const body = JSON.parse(result.stderr);

    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(body.error.exitCode).toBe(3);
    expect(body.error.kind).toBe('auth');
    expect(body.error.message).toContain('No credentials found');
  });

  it('prints a stack trace only with --debug', async () => {
    const env = { ...mock.secretEnv, HM_CLIENT_SECRET: 'wrong-secret-value' };
    const plain = await runHm(['token'], home.env, { env });
    const debug = await runHm(['token', '--debug'], home.env, { env });

    expect(plain.stderr).not.toMatch(/\n\s+at /);
    expect(debug.code).toBe(3);
    expect(debug.stderr).toMatch(/\n\s+at /);
    expect(debug.stderr).toContain(`debug: POST ${mock.url}/v1/access_tokens -> 400`);
    expect(debug.stderr).not.toContain('wrong-secret-value');
  });

  it('logs requests with --debug and keeps secrets out', async () => {
    const result = await runHm(['token', '--debug', '--decode'], home.env, { env: mock.secretEnv });

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`credentials from the flags and environment variables`);
    expect(result.stderr).toContain(`clientId: '${mock.clientId}'`);
    expect(result.stderr).toMatch(/auth info: /);
  });
});

describe.concurrent('credential precedence', () => {
  it('prefers environment variables to --credentials', async () => {
    const broken = join(home.dir, 'unused.json');
    await writeFile(broken, 'not json', { mode: 0o600 });
    const result = await runHm(['token', '--credentials', broken], home.env, {
      env: mock.secretEnv,
    });

    expect(result.code).toBe(0);
  });

  it('prefers --client-id to HM_CLIENT_ID', async () => {
    const result = await runHm(['token', '--client-id', mock.clientId], home.env, {
      env: { ...mock.secretEnv, HM_CLIENT_ID: 'someone-else' },
    });

    expect(result.code).toBe(0);
  });

  it('prefers --env to HM_BASE_URL and HM_ENV', async () => {
    const port = await closedPort();
    const env = {
      HM_CLIENT_ID: mock.clientId,
      HM_CLIENT_SECRET: mock.clientSecret,
      HM_BASE_URL: `http://127.0.0.1:${port}`,
      HM_ENV: 'production',
    };
    const withFlag = await runHm(['token', '--json', '--env', mock.url], home.env, { env });
    const withBaseUrl = await runHm(['token', '--json'], home.env, {
      env: { ...env, HM_BASE_URL: mock.url },
    });

    expect(withFlag.code).toBe(0);
    expect(JSON.parse(withFlag.stdout).baseUrl).toBe(mock.url);
    expect(withBaseUrl.code).toBe(0);
    expect(JSON.parse(withBaseUrl.stdout).baseUrl).toBe(mock.url);
  });
});
