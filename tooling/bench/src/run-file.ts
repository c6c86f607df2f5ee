import { join } from 'node:path';
import { runNode } from './child.js';
import type { BenchFile } from './discover.js';
import { benchRoot } from './paths.js';
import { type BenchResult, validateResult } from './protocol.js';

/** How much a benchmark file repeats its work. */
export type BenchMode = 'short' | 'full';

/** Results and problems of one benchmark file run. */
export interface FileRun {
  file: BenchFile;
  results: BenchResult[];
  /** Protocol violations and process failures; empty when the file ran cleanly. */
  problems: string[];
  durationMs: number;
  /** The last lines the file wrote to stderr, kept for failure reports. */
  stderrTail: string;
}

/** Options of {@link runBenchFile}. */
export interface RunFileOptions {
  mode: BenchMode;
  /** Time after which the child process is killed, in milliseconds. */
  timeoutMs: number;
  /** Receives the child's stderr as it arrives, for example to show progress. */
  onStderr?: (chunk: string) => void;
}

// The compiled loader, also when this module runs from src under vitest.
const registerLoader = join(benchRoot, 'dist', 'loader', 'register.js');

/**
 * Runs one benchmark file in its own Node process, so its memory and CPU use cannot disturb
 * the others, and parses every stdout line as a result. The child gets `--short` on its
 * command line and `HM_BENCH_MODE=short|full` in its environment, and `--expose-gc` so memory
 * benchmarks can collect garbage between runs.
 */
export async function runBenchFile(file: BenchFile, options: RunFileOptions): Promise<FileRun> {
  const args = ['--expose-gc'];
  if (file.typescript) args.push('--import', registerLoader);
  args.push(file.path);
  if (options.mode === 'short') args.push('--short');

  const started = performance.now();
  const problems: string[] = [];
  let stdout = '';
  let stderr = '';
  try {
    const outcome = await runNode(args, {
      cwd: file.packageDir,
      env: { HM_BENCH_MODE: options.mode },
      timeoutMs: options.timeoutMs,
      ...(options.onStderr ? { onStderr: options.onStderr } : {}),
    });
    ({ stdout, stderr } = outcome);
    if (outcome.timedOut) problems.push(`timed out after ${options.timeoutMs} ms and was killed`);
    else if (outcome.code !== 0)
      problems.push(`exited with ${outcome.signal ?? `code ${outcome.code}`}`);
  } catch (error) {
    problems.push(`could not start node: ${(error as Error).message}`);
  }
  const parsed = parseOutput(stdout);
  return {
    file,
    results: parsed.results,
    problems: [...problems, ...parsed.problems],
    durationMs: performance.now() - started,
    stderrTail: stderr,
  };
}

/** Parses every non-empty stdout line as one result and collects what is wrong with each. */
export function parseOutput(stdout: string): { results: BenchResult[]; problems: string[] } {
  const results: BenchResult[] = [];
  const problems: string[] = [];
  const lines = stdout.split('\n').filter((line) => line.trim() !== '');
  lines.forEach((line, index) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(
        `stdout line ${index + 1} is not JSON (print logs to stderr): ${line.slice(0, 120)}`,
      );
      return;
    }
    const lineProblems = validateResult(value);
    if (lineProblems.length === 0) results.push(value as BenchResult);
    else problems.push(...lineProblems.map((problem) => `stdout line ${index + 1}: ${problem}`));
  });
  if (lines.length === 0) problems.push('printed no results on stdout');
  return { results, problems };
}
