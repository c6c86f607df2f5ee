// Packs every public package and runs publint and are-the-types-wrong on the tarballs, the same
// checks `pnpm test` runs in this folder, with one readable report. Needs built packages:
// `pnpm check:packages` at the repository root builds them first.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAttw, runPublint } from '../src/lint.js';
import { packPackage, readTarballFile } from '../src/pack.js';
import { findPublicPackages } from '../src/workspace.js';

const packDir = await mkdtemp(join(tmpdir(), 'hm-sdk-check-'));
let failures = 0;
try {
  for (const pkg of await findPublicPackages()) {
    const tarball = await packPackage(pkg.dir, packDir);
    const manifest = JSON.parse(await readTarballFile(tarball, 'package.json'));
    const problems = [
      ...(await runPublint(tarball)).map((text) => `publint: ${text}`),
      ...(await runAttw(tarball, manifest)).map((text) => `attw: ${text}`),
    ];
    failures += problems.length;
    console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${pkg.name}@${pkg.version}`);
    for (const problem of problems) console.log(`     ${problem}`);
  }
} finally {
  await rm(packDir, { recursive: true, force: true });
}
if (failures > 0) {
  console.error(`${failures} problem(s) found; see the lines above.`);
  process.exitCode = 1;
}
