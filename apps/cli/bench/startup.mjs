#!/usr/bin/env node
// Cold start of `hm --help` against `node -e 0`. Each run starts one new Node process for each
// command and times it from spawn to exit, so the difference between the two is what loading
// the CLI's entry and printing the help costs. Prints one JSON document on stdout.
//
// Usage: node bench/startup.mjs [--runs <n>] [--short]    (build the CLI first)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { runs: { type: 'string' }, short: { type: 'boolean' } },
});
const short = values.short === true || process.env.HM_BENCH_MODE === 'short';
const runs = Number(values.runs ?? (short ? 3 : 20));
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`Invalid --runs "${values.runs}": use a whole number of at least 1.`);
  process.exit(2);
}

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
if (!existsSync(bin)) {
  console.error(`${bin} does not exist. Build the CLI first: pnpm --filter @hm-sdk/cli build`);
  process.exit(1);
}

/** Runs `node ...args` to completion and returns the wall time in milliseconds. */
function timeNode(args) {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const elapsed = performance.now() - started;
  if (run.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited with ${run.status}: ${run.stderr.toString()}`);
  }
  return elapsed;
}

/** Returns the value at quantile `q` (0..1) of `numbers`, interpolating between neighbours. */
function quantile(numbers, q) {
  const sorted = [...numbers].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

const round = (value) => Math.round(value * 1000) / 1000;

function summarise(samples) {
  return {
    median: round(quantile(samples, 0.5)),
    p25: round(quantile(samples, 0.25)),
    p75: round(quantile(samples, 0.75)),
    min: round(Math.min(...samples)),
    max: round(Math.max(...samples)),
  };
}

const subjectArgs = [bin, '--help'];
const baselineArgs = ['-e', '0'];

// One unmeasured start of each fills the file system cache, as on a developer's machine.
timeNode(subjectArgs);
timeNode(baselineArgs);

const subject = [];
const baseline = [];
for (let run = 0; run < runs; run += 1) {
  // Alternating which command goes first keeps a drift in machine load from favouring one side.
  if (run % 2 === 0) {
    subject.push(timeNode(subjectArgs));
    baseline.push(timeNode(baselineArgs));
  } else {
    baseline.push(timeNode(baselineArgs));
    subject.push(timeNode(subjectArgs));
  }
}

const ratios = subject.map((value, index) => value / baseline[index]);
const differences = subject.map((value, index) => value - baseline[index]);
const result = {
  name: 'cli.help-cold-start',
  unit: 'ms',
  runs,
  node: process.version,
  subject: {
    command: 'node dist/bin.js --help',
    samples: subject.map(round),
    ...summarise(subject),
  },
  baseline: { command: 'node -e 0', samples: baseline.map(round), ...summarise(baseline) },
  ratio: summarise(ratios),
  msOverNode: summarise(differences),
};
console.log(JSON.stringify(result, null, 2));
