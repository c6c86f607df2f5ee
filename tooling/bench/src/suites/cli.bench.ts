/**
 * Cold start of `hm --help` against `node -e 0`: each sample is the wall time of one new Node
 * process from spawn to exit, so the difference is what loading the CLI's entry costs.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bySize, emit, pairedRuns } from '../measure.js';
import { repoRoot } from '../paths.js';
import { spreadOf } from '../stats.js';

const bin = join(repoRoot, 'apps', 'cli', 'dist', 'bin.js');

function spawnMilliseconds(args: string[]): Promise<number> {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const elapsed = performance.now() - started;
  if (run.status !== 0) {
    const stderr = run.stderr.toString().slice(-1000);
    throw new Error(`node ${args.join(' ')} exited with ${run.status}: ${stderr}`);
  }
  return Promise.resolve(elapsed);
}

// One unmeasured start of each warms the file system cache, as on a developer's machine.
await spawnMilliseconds([bin, '--help']);
await spawnMilliseconds(['-e', '0']);
const samples = await pairedRuns(
  bySize(3, 20),
  () => spawnMilliseconds([bin, '--help']),
  () => spawnMilliseconds(['-e', '0']),
);
const differences = samples.subject.map((value, index) => value - (samples.baseline[index] ?? 0));
emit({
  name: 'cli.help-cold-start',
  title: 'cold `hm --help` vs `node -e 0`',
  unit: 'ms',
  better: 'lower',
  subject: { name: 'node apps/cli/dist/bin.js --help', samples: samples.subject },
  baseline: { name: 'node -e 0', samples: samples.baseline },
  extra: { medianMsOverNode: spreadOf(differences).median },
});
