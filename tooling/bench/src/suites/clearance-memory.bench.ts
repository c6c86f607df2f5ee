/**
 * Peak memory of the 10,000-VIN clearance run as the operating system reports it. A new process
 * runs packages/client/bench/clearance-10k.bench.ts (in full mode three runs of 10,000 VINs,
 * client and mock in one process) and prints its peak RSS on exit. Each such process is paired
 * with `node -e 0` started with the same loaders. The client's own result
 * `client.clearance-10k-memory` gives the V8 heap growth of the same run.
 */
import { join } from 'node:path';
import { runNode } from '../child.js';
import { maxRssMarker } from '../loader/report-max-rss.js';
import { benchMode, bySize, emit, pairedRuns } from '../measure.js';
import { benchRoot, repoRoot } from '../paths.js';
import { parseOutput } from '../run-file.js';

const loaders = ['register.js', 'report-max-rss.js'].flatMap((file) => [
  '--import',
  join(benchRoot, 'dist', 'loader', file),
]);
const clientDir = join(repoRoot, 'packages', 'client');
const script = join(clientDir, 'bench', 'clearance-10k.bench.ts');
const short = benchMode() === 'short';
let vins: unknown;

/** Runs `node <loaders> ...args` and returns its peak RSS in MiB. */
async function peakRssMiB(args: string[]): Promise<number> {
  const outcome = await runNode([...loaders, ...args], {
    cwd: clientDir,
    env: { HM_BENCH_MODE: short ? 'short' : 'full' },
  });
  const command = `node ${args.join(' ')}`;
  if (outcome.code !== 0) {
    throw new Error(`${command} failed with exit code ${outcome.code}:\n${outcome.stderr}`);
  }
  const match = new RegExp(`${maxRssMarker} (\\d+)`).exec(outcome.stderr);
  if (match?.[1] === undefined) throw new Error(`${command} did not report its peak RSS.`);
  const clearance = parseOutput(outcome.stdout).results.find(
    (result) => result.name === 'client.clearance-10k',
  );
  vins ??= clearance?.extra?.vins;
  return Number(match[1]) / 1024;
}

const samples = await pairedRuns(
  bySize(3, 5),
  () => peakRssMiB(short ? [script, '--short'] : [script]),
  () => peakRssMiB(['-e', '0']),
);
emit({
  name: 'client.clearance-10k-peak-rss',
  title: 'peak RSS of a process running the 10,000-VIN clearance benchmark',
  unit: 'MiB',
  better: 'lower',
  subject: { name: 'packages/client/bench/clearance-10k.bench.ts', samples: samples.subject },
  baseline: { name: 'node -e 0 with the same loaders', samples: samples.baseline },
  extra: { vinsPerRun: typeof vins === 'number' ? vins : 'unknown' },
});
