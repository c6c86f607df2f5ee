import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** The built CLI: tests run what users run. */
export const bin = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

/** What one run of the CLI printed, and how it exited. */
export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Variables added to the clean environment; `undefined` removes one. */
  env?: Record<string, string | undefined>;
  /** Text written to stdin, which is closed afterwards. */
  input?: string;
  /** Marks a run whose output contains a token on purpose (`--show-token`). */
  revealsToken?: boolean;
}

// Every output of this test file, checked for secrets by `expectNoSecrets`.
const transcripts: Array<{ args: string[]; text: string; revealsToken: boolean }> = [];

/**
 * Creates a temporary config home and returns the environment for the CLI: the parent's
 * variables without any `HM_*` or XDG setting, with colour off and the config in the temp dir.
 */
export async function createTestHome(): Promise<{
  dir: string;
  env: NodeJS.ProcessEnv;
  remove(): Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'hm-cli-test-'));
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('HM_') && name !== 'XDG_CONFIG_HOME') env[name] = value;
  }
  Object.assign(env, { NO_COLOR: '1', HOME: dir, XDG_CONFIG_HOME: join(dir, 'config') });
  return { dir, env, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Runs the CLI as a subprocess and resolves once it exits. */
export function runHm(
  args: string[],
  baseEnv: NodeJS.ProcessEnv,
  options: RunOptions = {},
): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { ...baseEnv };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      transcripts.push({
        args,
        text: stdout + stderr,
        revealsToken: options.revealsToken === true,
      });
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Records output produced outside `runHm` (a long-running process), for the secret check. */
export function recordTranscript(args: string[], text: string): void {
  transcripts.push({ args, text, revealsToken: false });
}

// Access tokens and client assertions are JWTs: three base64url parts, the first two JSON.
const JWT_PATTERN = /eyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]+/;

/**
 * Checks that no output of this file contains a JWT, a PEM private key or any of `secrets`.
 * Runs marked with `revealsToken` may contain a JWT but nothing else.
 */
export function expectNoSecrets(secrets: string[]): void {
  expect(transcripts.length).toBeGreaterThan(0);
  for (const { args, text, revealsToken } of transcripts) {
    const where = `output of hm ${args.join(' ')}`;
    if (!revealsToken) expect(JWT_PATTERN.test(text), `${where} contains a JWT`).toBe(false);
    expect(/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text), `${where} contains a PEM key`).toBe(
      false,
    );
    for (const secret of secrets) {
      expect(text.includes(secret), `${where} contains a secret`).toBe(false);
    }
  }
}
