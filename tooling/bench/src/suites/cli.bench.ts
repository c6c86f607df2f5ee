/**
 * Wraps apps/cli/bench/startup.mjs, which times cold `hm --help` against `node -e 0` in pairs
 * of new processes and prints its own JSON document, into a protocol result.
 */
import { numberAt, runJsonScript } from '../external.js';
import { benchMode, emit } from '../measure.js';

const script = 'bench/startup.mjs';
const document = await runJsonScript({
  packageDir: 'apps/cli',
  script,
  args: benchMode() === 'short' ? ['--short'] : ['--runs', '20'],
});
const runs = numberAt(document, ['runs'], script);
const samplesOf = (side: string) =>
  Array.from({ length: runs }, (_, run) =>
    numberAt(document, [side, 'samples', String(run)], script),
  );

emit({
  name: 'cli.help-cold-start',
  title: 'cold `hm --help` vs `node -e 0`',
  unit: 'ms',
  better: 'lower',
  subject: { name: 'node apps/cli/dist/bin.js --help', samples: samplesOf('subject') },
  baseline: { name: 'node -e 0', samples: samplesOf('baseline') },
  extra: { medianMsOverNode: numberAt(document, ['msOverNode', 'median'], script) },
});
