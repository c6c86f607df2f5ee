/**
 * Bundle sizes of the public browser entries. The bundles and their measurement come from the
 * size report in tooling/package-checks (esbuild, ESM, minified, browser platform, gzip level 9),
 * so these numbers match the size budget that CI checks. Sizes do not vary between runs, so each
 * result has one sample and no baseline.
 */
import { browserBundles, measureBundle } from '@hm-sdk/package-checks/src/size.js';
import { emit } from '../measure.js';
import { benchRoot } from '../paths.js';

/**
 * Names a result after the entries in the bundle, such as `size.auth-client` for auth and client,
 * because labels are prose and two bundles may share words.
 */
function resultName(specifiers: readonly string[]): string {
  const slug = specifiers
    .map((specifier) => specifier.replace(/^@hm-sdk\//, ''))
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  return `size.${slug}`;
}

for (const bundle of browserBundles) {
  const size = await measureBundle(bundle.specifiers, benchRoot);
  emit({
    name: resultName(bundle.specifiers),
    title: `bundle: ${bundle.label}`,
    unit: 'bytes',
    better: 'lower',
    subject: { name: 'loads with the import, minified + gzip -9', samples: [size.gzipBytes] },
    extra: {
      minifiedBytes: size.minifiedBytes,
      totalGzipBytes: size.totalGzipBytes,
      onDemandGzipBytes: size.onDemand.map((chunk) => `${chunk.label} ${chunk.gzipBytes}`),
      ...(bundle.gzipBudgetBytes === undefined ? {} : { gzipBudgetBytes: bundle.gzipBudgetBytes }),
      largestParts: size.contributions.slice(0, 4),
    },
  });
}
