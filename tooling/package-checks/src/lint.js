import { readFile } from 'node:fs/promises';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { problemKindInfo } from '@arethetypeswrong/core/problems';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

/**
 * Resolution modes that an ESM-only package does not support, so attw problems in them are
 * expected: `node10` (no `exports` support) and `node16-cjs` (`require` from CommonJS). This is
 * the list behind `attw --profile esm-only` in @arethetypeswrong/cli 0.18.
 */
export const ignoredResolutionKinds = ['node10', 'node16-cjs'];

/**
 * Runs publint on a packed package and returns every message (errors, warnings and
 * suggestions) as readable text. An empty list means the package passed. publint reads the
 * tarball, so a file that the `files` allowlist leaves out is reported as missing.
 *
 * @param {string} tarball path of a `.tgz` file made by `pnpm pack`
 * @returns {Promise<string[]>}
 */
export async function runPublint(tarball) {
  const data = await readFile(tarball);
  const tarballBuffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  const { messages, pkg } = await publint({
    pack: { tarball: tarballBuffer },
    level: 'suggestion',
    strict: true,
  });
  return messages.map(
    (message) =>
      `${message.type} ${message.code}: ${formatMessage(message, pkg, { color: false }) ?? ''}`,
  );
}

/**
 * Lists the `exports` subpaths that map straight to a file (a string target, such as
 * `./mockServiceWorker.js` or `./package.json`) instead of to a conditions object. These are
 * assets that are fetched or read, not modules, so attw has no types to look for.
 *
 * @param {Record<string, any>} manifest parsed `package.json`
 * @returns {string[]}
 */
export function fileAssetSubpaths(manifest) {
  const exportsMap = manifest.exports;
  if (typeof exportsMap !== 'object' || exportsMap === null) return [];
  return Object.entries(exportsMap)
    .filter(([, target]) => typeof target === 'string')
    .map(([subpath]) => subpath);
}

/**
 * Runs are-the-types-wrong on a packed package for ESM consumers (TypeScript's `node16` from
 * ESM and `bundler` resolution) and returns each problem as readable text. A package without
 * type declarations is reported as a problem too, because every public package with module
 * entries ships them. A package whose `exports` has only file assets (the CLI, which is used
 * through its `bin`) has nothing to check and returns no problems.
 *
 * @param {string} tarball path of a `.tgz` file
 * @param {Record<string, any>} manifest the packed `package.json`, to skip its file assets
 * @returns {Promise<string[]>}
 */
export async function runAttw(tarball, manifest) {
  const assets = fileAssetSubpaths(manifest);
  const subpaths = Object.keys(manifest.exports ?? {});
  if (subpaths.every((subpath) => assets.includes(subpath))) return [];
  const data = new Uint8Array(await readFile(tarball));
  const analysis = await checkPackage(createPackageFromTarballData(data), {
    excludeEntrypoints: assets,
  });
  if (!analysis.types) {
    return [`${analysis.packageName}: no type declarations found`];
  }
  return analysis.problems
    .filter(
      (problem) =>
        !('resolutionKind' in problem) || !ignoredResolutionKinds.includes(problem.resolutionKind),
    )
    .map((problem) => {
      const info = problemKindInfo[problem.kind];
      const where = [
        'entrypoint' in problem ? problem.entrypoint : undefined,
        'resolutionKind' in problem ? problem.resolutionKind : undefined,
      ]
        .filter(Boolean)
        .join(', ');
      return `${problem.kind} (${where}): ${info.description} ${info.docsUrl}`;
    });
}
