import type { MachineInfo } from './machine.js';
import type { BenchResult, Spread } from './protocol.js';
import type { BenchMode, FileRun } from './run-file.js';
import { pairedRatio, type SampleSummary, summarize } from './stats.js';
import { missingBenchmarks } from './suite.js';

/** One result in the results file: what the benchmark printed plus the runner's summaries. */
export interface ReportedResult extends BenchResult {
  /** Benchmark file that printed the result, relative to the repository root. */
  file: string;
  summary: {
    subject: SampleSummary;
    baseline?: SampleSummary;
    ratio?: Spread;
  };
}

/** The results file: every result of one run with the machine it ran on. */
export interface BenchReport {
  /** Version of this file's layout; bumped when a field changes meaning. */
  schemaVersion: 1;
  mode: BenchMode;
  startedAt: string;
  durationMs: number;
  machine: MachineInfo;
  /** 1, 5 and 15 minute load averages before and after the run; high values mean a busy machine. */
  loadAverage: { start: number[]; end: number[] };
  results: ReportedResult[];
  /** Files that failed or broke the protocol, with what went wrong. */
  failures: { file: string; problems: string[]; stderrTail: string }[];
  /** Required benchmarks that no file produced. */
  missing: { name: string; covers: string }[];
}

/** Combines the runs of all files into one report and adds the summaries and paired ratios. */
export function buildReport(
  runs: readonly FileRun[],
  context: {
    mode: BenchMode;
    startedAt: Date;
    durationMs: number;
    machine: MachineInfo;
    loadAverage: BenchReport['loadAverage'];
  },
): BenchReport {
  const results: ReportedResult[] = [];
  const failures: BenchReport['failures'] = [];
  const seen = new Map<string, string>();
  for (const run of runs) {
    const problems = [...run.problems];
    for (const result of run.results) {
      const earlier = seen.get(result.name);
      if (earlier !== undefined) {
        problems.push(`result name ${result.name} was already printed by ${earlier}`);
        continue;
      }
      seen.set(result.name, run.file.label);
      try {
        results.push(withSummary(result, run.file.label));
      } catch (error) {
        problems.push(`result ${result.name}: ${(error as Error).message}`);
      }
    }
    if (problems.length > 0) {
      failures.push({ file: run.file.label, problems, stderrTail: run.stderrTail });
    }
  }
  const missing = missingBenchmarks(results.map((result) => result.name)).map(
    ({ name, covers }) => ({ name, covers }),
  );
  return {
    schemaVersion: 1,
    mode: context.mode,
    startedAt: context.startedAt.toISOString(),
    durationMs: Math.round(context.durationMs),
    machine: context.machine,
    loadAverage: context.loadAverage,
    results,
    failures,
    missing,
  };
}

function withSummary(result: BenchResult, file: string): ReportedResult {
  const summary: ReportedResult['summary'] = { subject: summarize(result.subject.samples) };
  if (result.baseline !== undefined) {
    summary.baseline = summarize(result.baseline.samples);
    summary.ratio = result.ratio ?? pairedRatio(result.subject.samples, result.baseline.samples);
  } else if (result.ratio !== undefined) {
    summary.ratio = result.ratio;
  }
  return { ...result, file, summary };
}
