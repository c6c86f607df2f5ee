// Prints the minified and gzipped size of each public browser entry, with the packages that make
// up each bundle, and exits with 1 when a bundle is over its budget. Needs built packages:
// `pnpm size` at the repository root builds them first.
import { fileURLToPath } from 'node:url';
import { browserBundles, measureBundle, scenarioGzipBytes } from '../src/size.js';

const resolveDir = fileURLToPath(new URL('..', import.meta.url));
/** @param {number} bytes */
const kilobytes = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
let overBudget = 0;

for (const bundle of browserBundles) {
  const size = await measureBundle(bundle.specifiers, resolveDir);
  console.log(bundle.label);
  console.log(
    `  loads with the import: ${kilobytes(size.minifiedBytes)} minified, ${kilobytes(size.gzipBytes)} gzipped`,
  );

  const budget = bundle.gzipBudgetBytes;
  if (budget !== undefined) {
    const withinBudget = size.gzipBytes <= budget;
    if (!withinBudget) overBudget += 1;
    console.log(`  budget ${kilobytes(budget)} gzipped: ${withinBudget ? 'ok' : 'OVER'}`);
  }
  for (const { source, bytes } of size.contributions.slice(0, 8)) {
    console.log(`    ${kilobytes(bytes).padStart(9)}  ${source}`);
  }
  for (const chunk of size.onDemand) {
    console.log(
      `  loads on demand: ${kilobytes(chunk.gzipBytes)} gzipped (${kilobytes(chunk.minifiedBytes)} minified) from ${chunk.label}`,
    );
  }
  for (const scenario of bundle.scenarios ?? []) {
    const bytes = scenarioGzipBytes(size, scenario);
    console.log(`  ${scenario.label} loads ${kilobytes(bytes)} gzipped before its first call`);
  }
  if (size.onDemand.length > 0) {
    console.log(
      `  everything, loaded at once or on demand: ${kilobytes(size.totalGzipBytes)} gzipped`,
    );
  }
}
if (overBudget > 0) {
  console.error(`${overBudget} bundle(s) over budget; the lines above list what they contain.`);
  process.exitCode = 1;
}
