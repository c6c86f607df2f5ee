/**
 * Runs a benchmark script that prints its own JSON document (not the line protocol) and
 * returns that document. The suite's wrapper files use it to turn the scripts that packages
 * keep in their bench folders into protocol results, one script run per sample.
 */

import { join } from 'node:path';
import { runNode } from './child.js';
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
export async function runJsonScript(call: ScriptCall): Promise<unknown> {
  const { packageDir, script, args = [], env = {} } = call;
  const outcome = await runNode(['--expose-gc', script, ...args], {
    cwd: join(repoRoot, packageDir),
    env,
  });
  const command = `node ${join(packageDir, script)} ${args.join(' ')}`.trim();
  if (outcome.code !== 0) {
    throw new Error(
      `${command} failed with ${outcome.signal ?? `exit code ${outcome.code}`}:\n${outcome.stderr.slice(-2000)}`,
    );
  }
  try {
    return JSON.parse(outcome.stdout);
  } catch {
    throw new Error(
      `${command} printed no JSON document on stdout: ${outcome.stdout.slice(0, 200)}`,
    );
  }
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
