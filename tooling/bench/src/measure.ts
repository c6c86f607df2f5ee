/**
 * Helpers for this package's own benchmark files: the mode, paired runs and the output line.
 * Benchmark files in other packages cannot import them (this package depends on those packages,
 * not the reverse), so they follow the protocol in README.md on their own.
 */
import type { BenchResult } from './protocol.js';
import type { BenchMode } from './run-file.js';

/** Returns `'short'` when the runner passed `--short` or set `HM_BENCH_MODE=short`. */
export function benchMode(): BenchMode {
  return process.argv.includes('--short') || process.env.HM_BENCH_MODE === 'short'
    ? 'short'
    : 'full';
}

/** Returns `short` in short mode and `full` otherwise. */
export function bySize<T>(short: T, full: T): T {
  return benchMode() === 'short' ? short : full;
}

/** Prints one result as a JSON line on stdout, the runner's input. */
export function emit(result: BenchResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** One measured value per run of each side of a comparison. */
export interface PairedSamples {
  subject: number[];
  baseline: number[];
}

/**
 * Runs `subject` and `baseline` back to back `runs` times and collects what each returns. The
 * order alternates between runs, so neither side always gets the warmer caches or the first slot
 * after a garbage collection.
 */
export async function pairedRuns(
  runs: number,
  subject: () => Promise<number>,
  baseline: () => Promise<number>,
): Promise<PairedSamples> {
  const samples: PairedSamples = { subject: [], baseline: [] };
  for (let run = 0; run < runs; run++) {
    if (run % 2 === 0) {
      samples.subject.push(await subject());
      samples.baseline.push(await baseline());
    } else {
      samples.baseline.push(await baseline());
      samples.subject.push(await subject());
    }
  }
  return samples;
}

/** Calls `operation` `count` times one after another and returns the calls per second. */
export async function operationsPerSecond(
  count: number,
  operation: () => Promise<unknown> | unknown,
): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < count; index++) await operation();
  return count / ((performance.now() - started) / 1000);
}
