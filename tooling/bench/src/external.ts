/**
 * Runs a benchmark script that prints its own JSON document (not the line protocol) and
 * returns that document. The suite's wrapper files use it to turn the scripts that packages
 * keep in their bench folders into protocol results, one script run per sample.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

/** A benchmark script in a package's bench folder and how to call it. */
export interface ScriptCall {
  /** Package folder relative to the repository root, for example `packages/auth`. */
  packageDir: string;
  /** Script path relative to `packageDir`. */
  script: string;
  args?: readonly string[];
  /** Variables added to the environment, for example the script's iteration count. */
  env?: Record<string, string>;
}

/** Runs `node <script> ...args` with the script's package as working directory, parses stdout. */
export function runJsonScript(call: ScriptCall): Promise<unknown> {
  const { packageDir, script, args = [], env = {} } = call;
  const child = spawn(process.execPath, ['--expose-gc', script, ...args], {
    cwd: join(repoRoot, packageDir),
    env: { ...process.env, ...env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const command = `node ${join(packageDir, script)} ${args.join(' ')}`.trim();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`${command} failed with exit code ${code}:\n${stderr.slice(-2000)}`));
        return;
      }
      try {
        resolve(JSON.parse(stdout));
      } catch {
        reject(new Error(`${command} printed no JSON document on stdout: ${stdout.slice(0, 200)}`));
      }
    });
  });
}

/** Runs a script `runs` times, each in a new process, and returns every run's document. */
export async function runJsonScriptRepeatedly(call: ScriptCall, runs: number): Promise<unknown[]> {
  const documents: unknown[] = [];
  for (let run = 0; run < runs; run++) documents.push(await runJsonScript(call));
  return documents;
}

/**
 * Reads the number under `keys` (one key per nesting level) from a script's output document.
 * @throws Error naming the keys and script when the value is missing or not a finite number.
 */
export function numberAt(document: unknown, keys: readonly string[], source: string): number {
  let value: unknown = document;
  for (const key of keys) {
    const isRecord = typeof value === 'object' && value !== null;
    value = isRecord ? (value as Record<string, unknown>)[key] : undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(
      `${source} output has no number at ${JSON.stringify(keys)} (found ${JSON.stringify(value)}): update its wrapper in tooling/bench/src/suites to the current output.`,
    );
  }
  return value;
}
