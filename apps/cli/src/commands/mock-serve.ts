import { rmSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { MockApi } from '@hm-sdk/mock-server';
import { outputOptions, outputOptionsHelp, runCommand } from '../command.js';
import { parseDuration } from '../durations.js';
import { CliError, usageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { renderFields } from '../format/table.js';
import { generateP256KeyPair } from '../keys.js';
import type { Output } from '../output.js';

const DEFAULT_PORT = 4010;

const help = `Usage: hm mock serve [--port <port>] [options]

Starts the mock API on 127.0.0.1, registers an app with a client secret and a P-256 key pair,
writes the key as a console-style credentials JSON file (mode 0600) and prints how to use it.
Runs until Ctrl+C (SIGINT) or SIGTERM, then closes the server and deletes the temporary file.

Options:
  --port <port>            TCP port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free port)
  --approval-delay <time>  how long a sandbox clearance stays pending, such as 0s or 5s
                           (default 1.5s)
  --credentials-out <path> write the credentials JSON here and keep it after the mock stops
  --show-secret            also print the app's client secret (valid only for this mock)

With --json, one line of JSON with url, clientId, privateKeyId and credentialsFile is printed
when the server is ready.

${outputOptionsHelp}`;

const options = {
  ...outputOptions,
  port: { type: 'string' },
  'approval-delay': { type: 'string' },
  'credentials-out': { type: 'string' },
  'show-secret': { type: 'boolean' },
} as const;

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw usageError(`Invalid --port "${value}": use a whole number from 0 to 65535.`);
  }
  return port;
}

/** Writes a file readable only by its owner, creating its directory when needed. */
async function writePrivateFile(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, content, { mode: 0o600 });
  // An existing file keeps its old mode on write, so the mode is set again explicitly.
  await chmod(path, 0o600);
}

async function startServer(mock: MockApi, port: number) {
  const { startMockHttpServer } = await import('@hm-sdk/mock-server/node');
  try {
    return await startMockHttpServer(mock, { host: '127.0.0.1', port });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EADDRINUSE') {
      throw usageError(
        `Port ${port} on 127.0.0.1 is already in use. Pick another with --port, or use --port 0 for a free one.`,
      );
    }
    throw error;
  }
}

/** A temporary directory for the credentials file, and how to delete it. */
interface TemporaryDirectory {
  path: string;
  remove(): Promise<void>;
}

/**
 * Creates the temporary directory and also deletes it when the process exits early. `bin.ts`
 * calls `process.exit` when a write to a closed output pipe fails (EPIPE), which skips pending
 * promises but still runs synchronous 'exit' listeners.
 */
async function createTemporaryDirectory(): Promise<TemporaryDirectory> {
  const path = await mkdtemp(join(tmpdir(), 'hm-mock-'));
  const removeOnExit = () => {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Nothing can be reported any more: the output streams may be gone and the process ends.
    }
  };
  process.on('exit', removeOnExit);
  return {
    path,
    remove: async () => {
      process.off('exit', removeOnExit);
      await rm(path, { recursive: true, force: true });
    },
  };
}

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolveSignal) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolveSignal(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

interface ServeInfo {
  url: string;
  clientId: string;
  clientSecret: string;
  privateKeyId: string;
  credentialsFile: string;
}

function printInfo(output: Output, info: ServeInfo, showSecret: boolean): void {
  if (output.json) {
    const { clientSecret, ...visible } = info;
    output.out(JSON.stringify(showSecret ? { ...visible, clientSecret } : visible));
    return;
  }
  const { style } = output;
  const secret = showSecret
    ? info.clientSecret
    : style.dim('hidden; run with --show-secret to print it');
  const fields = renderFields(
    [
      ['client id', info.clientId],
      ['client secret', secret],
      ['private key id', info.privateKeyId],
      ['credentials file', `${info.credentialsFile} (mode 0600)`],
    ],
    style,
  );
  const flags = `--env ${info.url} --credentials ${info.credentialsFile}`;
  // One write, so a process reading stdout receives the whole summary at once.
  output.out(
    [
      `Mock API listening on ${style.bold(info.url)} (Ctrl+C to stop)`,
      '',
      fields,
      '',
      'Try it from another terminal:',
      `  hm token ${flags}`,
      `  hm eligibility 2HM00000000000001 --brand sandbox ${flags}`,
    ].join('\n'),
  );
}

/** Runs `hm mock serve`. */
export function run(argv: string[]): Promise<number> {
  const spec = { name: 'mock serve', help, options, positionals: { min: 0, max: 0, names: '' } };
  return runCommand(argv, spec, async ({ values, output }) => {
    const port = parsePort(values.port);
    const approvalDelayMs = parseDuration(values['approval-delay'] ?? '1.5s', '--approval-delay');
    const { createMockApi } = await import('@hm-sdk/mock-server');
    const mock = createMockApi({ approvalDelayMs });
    const server = await startServer(mock, port);

    const keepFile = values['credentials-out'] !== undefined;
    const directory = keepFile ? undefined : await createTemporaryDirectory();
    const credentialsFile =
      directory === undefined
        ? resolve(values['credentials-out'] as string)
        : join(directory.path, 'credentials.json');
    // The signal handlers go in before the summary is printed, so a signal sent as soon as it
    // appears stops the mock cleanly.
    const signalReceived = waitForSignal();
    try {
      const app = mock.registerApp();
      const keyPair = await generateP256KeyPair();
      const { privateKeyId } = mock.registerPrivateKey({
        clientId: app.clientId,
        publicKey: keyPair.publicJwk,
      });
      const credentialsJson = {
        client_id: app.clientId,
        id: privateKeyId,
        private_key: keyPair.privateKeyPem,
        inserted_at: new Date().toISOString(),
      };
      await writePrivateFile(credentialsFile, `${JSON.stringify(credentialsJson, null, 2)}\n`);
      mock.onClearanceChange((change) =>
        output.err(
          `clearance ${change.vin}: ${change.previousStatus ?? 'none'} -> ${change.status}`,
        ),
      );
      printInfo(
        output,
        { url: server.url, ...app, privateKeyId, credentialsFile },
        values['show-secret'] === true,
      );

      const signal = await signalReceived;
      // The key goes before anything is printed, because a write to a closed pipe may end the
      // process.
      await directory?.remove();
      output.err(`Received ${signal}; stopping the mock.`);
    } catch (error) {
      throw error instanceof CliError
        ? error
        : new CliError(`The mock failed: ${(error as Error).message}`, ExitCode.Api, {
            cause: error,
          });
    } finally {
      await directory?.remove();
      await server.close();
    }
    output.err('Mock stopped.');
    return 0;
  });
}
