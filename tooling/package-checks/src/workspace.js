import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Absolute path of the monorepo root, without a trailing slash. */
export const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url)).replace(
  /\/$/,
  '',
);

/**
 * @typedef {object} PublicPackage
 * @property {string} name Package name, such as `@hm-sdk/auth`.
 * @property {string} version Version in the workspace manifest.
 * @property {string} dir Absolute path of the package folder.
 * @property {Record<string, any>} manifest Parsed `package.json`.
 */

/**
 * Lists the workspace packages that get published: every package that pnpm finds in the workspace
 * and that is not marked `"private": true`. Asking pnpm keeps this in step with
 * `pnpm-workspace.yaml`, so a new public package is checked without editing this file.
 *
 * @returns {Promise<PublicPackage[]>} sorted by name
 */
export async function findPublicPackages() {
  const { stdout } = await execFileAsync('pnpm', ['ls', '--recursive', '--depth', '-1', '--json'], {
    cwd: repositoryRoot,
  });
  /** @type {{ name: string; path: string; private: boolean }[]} */
  const projects = JSON.parse(stdout);
  const publicProjects = projects.filter((project) => !project.private);
  const packages = await Promise.all(
    publicProjects.map(async (project) => {
      const manifest = JSON.parse(await readFile(join(project.path, 'package.json'), 'utf8'));
      return { name: project.name, version: manifest.version, dir: project.path, manifest };
    }),
  );
  return packages.sort((left, right) => left.name.localeCompare(right.name));
}

/**
 * @typedef {object} TypedEntry
 * @property {string} subpath Key of the `exports` map, such as `.` or `./node`.
 * @property {string} specifier What an importer writes, such as `@hm-sdk/auth/node`.
 * @property {string} types Declaration file of the entry, relative to the package folder.
 * @property {string} source TypeScript source the declaration file is built from.
 */

/**
 * Lists the `exports` entries of a package that have type declarations, which are the entries a
 * TypeScript user can import. Plain files such as `./package.json` or a service worker script
 * are left out. Sources are found by the convention of the tooling/tsconfig presets: `dist/X.d.ts`
 * is built from `src/X.ts`.
 *
 * @param {PublicPackage} pkg
 * @returns {TypedEntry[]}
 */
export function typedEntries(pkg) {
  const exportsMap = pkg.manifest.exports;
  if (exportsMap === undefined || typeof exportsMap !== 'object' || exportsMap === null) return [];
  /** @type {TypedEntry[]} */
  const entries = [];
  for (const [subpath, target] of Object.entries(exportsMap)) {
    if (typeof target !== 'object' || target === null || typeof target.types !== 'string') {
      continue;
    }
    const types = target.types.replace(/^\.\//, '');
    const source = types.replace(/^dist\//, 'src/').replace(/\.d\.ts$/, '.ts');
    const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.replace(/^\.\//, '')}`;
    entries.push({ subpath, specifier, types, source });
  }
  return entries;
}
