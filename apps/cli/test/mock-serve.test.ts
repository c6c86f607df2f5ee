import { type ChildProcess, spawn } from 'node:child_process';
import { access, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, createTestHome, expectNoSecrets, recordTranscript, runHm } from './support/cli.js';

let home: Awaited<ReturnType<typeof createTestHome>>;
const secrets: string[] = [];

beforeAll(async () => {
  home = await createTestHome();
});

afterAll(async () => {
  expectNoSecrets(secrets);
  await home.remove();
});

/** A running `hm mock serve` with what it printed so far. */
interface Serve {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exited: Promise<number | null>;
}

/** Starts `hm mock serve` and resolves once its stdout contains `readyText`. */
function startServe(args: string[], readyText: string): Promise<Serve> {
  const child = spawn(process.execPath, [bin, 'mock', 'serve', ...args], { env: home.env });
  const serve: Serve = {
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
  };
  serve.exited.then(() =>
    recordTranscript(['mock', 'serve', ...args], serve.stdout + serve.stderr),
  );
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    serve.stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      serve.stdout += chunk;
      if (serve.stdout.includes(readyText)) resolve(serve);
    });
    serve.exited.then((code) =>
      reject(new Error(`hm mock serve exited with ${code}: ${serve.stderr}`)),
    );
  });
}

describe.concurrent('hm mock serve', () => {
  it('serves the API until SIGTERM', async () => {
    const serve = await startServe(['--port', '0', '--json', '--approval-delay', '0s'], '\n');
    const info = JSON.parse(serve.stdout.split('\n')[0] as string);
    const file = info.credentialsFile as string;
    const credentials = JSON.parse(await readFile(file, 'utf8'));
    secrets.push(credentials.private_key.split('\n')[1]);
    const token = await runHm(
      ['token', '--env', info.url, '--credentials', file, '--json'],
      home.env,
    );
    const eligibility = await runHm(
      [
        'eligibility',
        '2HM00000000000001',
        '--brand',
        'sandbox',
        '--env',
        info.url,
        '--credentials',
        file,
      ],
      home.env,
    );

    expect(Object.keys(info).sort()).toEqual([
      'clientId',
      'credentialsFile',
      'privateKeyId',
      'url',
    ]);
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(Object.keys(credentials).sort()).toEqual([
      'client_id',
      'id',
      'inserted_at',
      'private_key',
    ]);
    expect(credentials.client_id).toBe(info.clientId);
    expect(credentials.id).toBe(info.privateKeyId);
    expect(token.code).toBe(0);
    expect(JSON.parse(token.stdout).baseUrl).toBe(info.url);
    expect(eligibility.stdout).toMatch(/eligible\s+yes/);

    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    expect(serve.stderr).toContain('Received SIGTERM; stopping the mock.');
    expect(serve.stderr).toContain('Mock stopped.');
    await expect(access(file)).rejects.toThrow(/ENOENT/);
    await expect(fetch(`${info.url}/v1/eligibility`)).rejects.toThrow();
  });

  it('prints a summary and stops on SIGINT', async () => {
    const out = join(home.dir, 'kept', 'mock-credentials.json');
    const serve = await startServe(['--port', '0', '--credentials-out', out], '--brand sandbox');

    expect(serve.stdout).toMatch(
      /Mock API listening on http:\/\/127\.0\.0\.1:\d+ \(Ctrl\+C to stop\)/,
    );
    expect(serve.stdout).toMatch(/client secret\s+hidden; run with --show-secret to print it/);
    expect(serve.stdout).toContain(`credentials file  ${out} (mode 0600)`);
    expect(serve.stdout).toContain(`--credentials ${out}`);
    serve.child.kill('SIGINT');
    expect(await serve.exited).toBe(0);
    expect(serve.stderr).toContain('Received SIGINT');
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    secrets.push(JSON.parse(await readFile(out, 'utf8')).private_key.split('\n')[1]);
  });

  it('deletes the key file when its output pipe is closed', async () => {
    const serve = await startServe(['--port', '0', '--json'], '\n');
    const info = JSON.parse(serve.stdout.split('\n')[0] as string);
    const file = info.credentialsFile as string;
    secrets.push(JSON.parse(await readFile(file, 'utf8')).private_key.split('\n')[1]);
    // Closing the read ends is what a `| tee` killed by the same Ctrl+C does: every later write
    // of the mock fails with EPIPE.
    serve.child.stdout?.destroy();
    serve.child.stderr?.destroy();
    serve.child.kill('SIGINT');
    await serve.exited;
    const left = await access(file).then(
      () => true,
      () => false,
    );
    // Keeps a failing run from leaving a private key in the temporary directory.
    await rm(dirname(file), { recursive: true, force: true });

    expect(left).toBe(false);
  });

  it('prints the client secret only with --show-secret', async () => {
    const serve = await startServe(['--port', '0', '--json', '--show-secret'], '\n');
    const info = JSON.parse(serve.stdout.split('\n')[0] as string);
    serve.child.kill('SIGTERM');
    await serve.exited;

    expect(info.clientSecret).toMatch(/^[0-9a-f]{48}$/);
  });

  it('logs clearance changes on stderr', async () => {
    const serve = await startServe(['--port', '0', '--json', '--approval-delay', '0s'], '\n');
    const info = JSON.parse(serve.stdout.split('\n')[0] as string);
    const args = ['--env', info.url, '--credentials', info.credentialsFile];
    await runHm(
      ['clearance', 'request', '2HM00000000000002', '--brand', 'sandbox', ...args],
      home.env,
    );
    await runHm(
      ['clearance', 'wait', '2HM00000000000002', '--interval', '100ms', ...args],
      home.env,
    );
    serve.child.kill('SIGTERM');
    await serve.exited;

    expect(serve.stderr).toContain('clearance 2HM00000000000002: none -> pending');
    expect(serve.stderr).toContain('clearance 2HM00000000000002: pending -> approved');
  });

  it('rejects a bad or busy port with exit 2', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const [invalid, busy] = await Promise.all([
        runHm(['mock', 'serve', '--port', '70000'], home.env),
        runHm(['mock', 'serve', '--port', String(port)], home.env),
      ]);

      expect(invalid.code).toBe(2);
      expect(invalid.stderr).toContain('Invalid --port "70000"');
      expect(busy.code).toBe(2);
      expect(busy.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });
});
