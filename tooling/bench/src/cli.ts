#!/usr/bin/env node
/**
 * `hm-bench`: runs every benchmark file of the workspace, one child process at a time, prints a
 * table and writes the results as JSON. See README.md for the options and the line protocol.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type BenchFile, discoverBenchFiles } from './discover.js';
import { describeMachine } from './machine.js';
import { benchRoot } from './paths.js';
import { type BenchReport, buildReport } from './report.js';
import { type BenchMode, type FileRun, runBenchFile } from './run-file.js';
import { renderMarkdownTable, renderTextTable } from './table.js';

const usage = `Usage: hm-bench [options]

Runs every bench/*.bench.{ts,js} file of the workspace in its own Node process.

Options:
  --short           few runs of small workloads: checks that every benchmark still works
  --filter <text>   run only files whose path contains <text>
  --out <file>      results file (default under tooling/bench/results: latest.json
                    for a full run, short.local.json or filtered.local.json otherwise)
  --markdown        print the table as Markdown, as pasted into BENCHMARKS.md
  --from <file>     print the table of an earlier results file instead of running
  --timeout <s>     seconds before one file is killed (default: 60 short, 600 full)
  --verbose         pass each file's stderr through
  --list            print the files that would run, and exit
  --help            print this text`;

const { values } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    filter: { type: 'string' },
    out: { type: 'string' },
    markdown: { type: 'boolean', default: false },
    from: { type: 'string' },
    timeout: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    list: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(usage);
  process.exit(0);
}

if (values.from !== undefined) {
  const earlier = JSON.parse(await readFile(values.from, 'utf8')) as BenchReport;
  console.log(
    values.markdown ? renderMarkdownTable(earlier.results) : renderTextTable(earlier.results),
  );
  process.exit(0);
}

const mode: BenchMode = values.short ? 'short' : 'full';
const defaultTimeoutSeconds = mode === 'short' ? 60 : 600;
const timeoutSeconds =
  values.timeout === undefined ? defaultTimeoutSeconds : Number(values.timeout);
if (!(timeoutSeconds > 0)) {
  console.error(`Invalid --timeout ${values.timeout}: pass a number of seconds greater than 0.`);
  process.exit(2);
}

const files = (await discoverBenchFiles()).filter(
  (file) => values.filter === undefined || file.label.includes(values.filter),
);
if (values.list) {
  for (const file of files) console.log(file.label);
  process.exit(0);
}
if (files.length === 0) {
  console.error('No benchmark files found: build tooling/bench first, or loosen --filter.');
  process.exit(1);
}

const report = await runAll(files);
const outPath = resolve(values.out ?? join(benchRoot, 'results', defaultResultsFile()));
await mkdir(dirname(outPath), { recursive: true });
await writeFile(outPath, `${JSON.stringify(report, null, 2)}\n`);

console.log(
  values.markdown ? renderMarkdownTable(report.results) : renderTextTable(report.results),
);
printProblems(report);
const [loadStart = 0] = report.loadAverage.start;
const [loadEnd = 0] = report.loadAverage.end;
console.error(
  `\n${report.machine.cpu}, ${report.machine.cores} cores, Node ${report.machine.node}; ` +
    `1-minute load average ${loadStart.toFixed(1)} before and ${loadEnd.toFixed(1)} after the run.`,
);
console.error(`Results written to ${outPath}`);
// A filtered run leaves out required benchmarks on purpose, so only a full selection checks them.
const incomplete = values.filter === undefined && report.missing.length > 0;
process.exitCode = report.failures.length > 0 || incomplete ? 1 : 0;

/** Only a complete full run replaces the recorded results; other runs go to ignored files. */
function defaultResultsFile(): string {
  if (mode === 'short') return 'short.local.json';
  return values.filter === undefined ? 'latest.json' : 'filtered.local.json';
}

async function runAll(benchFiles: readonly BenchFile[]): Promise<BenchReport> {
  const startedAt = new Date();
  const loadAtStart = loadavg();
  const started = performance.now();
  const runs: FileRun[] = [];
  for (const [index, file] of benchFiles.entries()) {
    console.error(`[${index + 1}/${benchFiles.length}] ${file.label} (${mode})`);
    const run = await runBenchFile(file, {
      mode,
      timeoutMs: timeoutSeconds * 1000,
      ...(values.verbose ? { onStderr: (chunk: string) => process.stderr.write(chunk) } : {}),
    });
    const status = run.problems.length === 0 ? 'ok' : 'FAILED';
    console.error(
      `      ${status}: ${run.results.length} results in ${(run.durationMs / 1000).toFixed(1)} s`,
    );
    runs.push(run);
  }
  return buildReport(runs, {
    mode,
    startedAt,
    durationMs: performance.now() - started,
    machine: await describeMachine(),
    loadAverage: { start: loadAtStart, end: loadavg() },
  });
}

function printProblems(result: BenchReport): void {
  for (const failure of result.failures) {
    console.error(`\n${failure.file} failed:`);
    for (const problem of failure.problems) console.error(`  - ${problem}`);
    if (failure.stderrTail.trim() !== '') {
      console.error(`  last stderr output:\n${failure.stderrTail.replace(/^/gm, '    ')}`);
    }
  }
  if (result.missing.length > 0 && values.filter === undefined) {
    console.error('\nRequired benchmarks that no file printed:');
    for (const missing of result.missing) console.error(`  - ${missing.name}: ${missing.covers}`);
  }
}
