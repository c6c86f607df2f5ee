// Builds the API reference into dist/api (or the folder given as the first argument) and exits
// with 1 on any TypeDoc warning. Needs built packages, because a package's types refer to its
// workspace dependencies through their dist/ declarations: `pnpm api-docs` at the repository
// root builds them first.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApiReference } from '../src/api-docs.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const out = resolve(process.argv[2] ?? resolve(packageDir, 'dist/api'));
try {
  const documented = await buildApiReference({
    out,
    landingPage: resolve(packageDir, 'api-reference.md'),
  });
  console.log(`API reference of ${documented.join(', ')} written to ${out}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
