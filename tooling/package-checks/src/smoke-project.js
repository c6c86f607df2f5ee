import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTarballFile } from './pack.js';
import { typedEntries } from './workspace.js';

/**
 * @typedef {object} PackedTarball
 * @property {string} name package name
 * @property {string} tarball absolute path of the `.tgz` file
 * @property {Record<string, any>} manifest the packed `package.json`
 */

/**
 * @typedef {object} RunResult
 * @property {number | null} code exit code, `null` when a signal ended the process
 * @property {string} stdout
 * @property {string} stderr
 */

/**
 * Reads the version of a package installed in `node_modules` below a folder.
 *
 * @param {string} fromDir folder whose `node_modules` contains the package
 * @param {string} name package name
 * @returns {Promise<string>}
 */
export async function installedVersion(fromDir, name) {
  const manifest = JSON.parse(
    await readFile(join(fromDir, 'node_modules', name, 'package.json'), 'utf8'),
  );
  return manifest.version;
}

/**
 * Returns a copy of the environment without the variables that pnpm, npm lifecycle scripts,
 * turbo and vitest set for child processes. Commands in the smoke project then run as in a
 * stranger's shell, with no inherited npm configuration and no nested vitest run.
 *
 * @returns {NodeJS.ProcessEnv}
 */
export function strangerEnvironment() {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|PNPM_|VITEST|TURBO_|NODE_OPTIONS$|NODE_ENV$|TEST$)/.test(name)) continue;
    env[name] = value;
  }
  return env;
}

/**
 * Runs a command to its end and collects its output. A non-zero exit code is returned, not
 * thrown, so a test can show the output of a failed step.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string; env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<RunResult>}
 */
export function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? strangerEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Formats a finished command, so a failed test shows what the command printed.
 *
 * @param {string} label the command as a reader would type it
 * @param {RunResult} result
 * @returns {string}
 */
export function describeRun(label, result) {
  return `${label} exited with ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

/**
 * Adds the packed `package.json` to each tarball.
 *
 * @param {{ name: string; tarball: string }[]} packages
 * @returns {Promise<PackedTarball[]>}
 */
export function readPackedManifests(packages) {
  return Promise.all(
    packages.map(async (pkg) => ({
      name: pkg.name,
      tarball: pkg.tarball,
      manifest: JSON.parse(await readTarballFile(pkg.tarball, 'package.json')),
    })),
  );
}

/**
 * Builds the source of a TypeScript module that imports every typed entry of the packed
 * packages, so a type check of it covers each public entry point as a consumer resolves it.
 *
 * @param {PackedTarball[]} packed
 * @returns {string}
 */
export function entriesModule(packed) {
  const specifiers = packed.flatMap((pkg) =>
    typedEntries({ name: pkg.name, version: '', dir: '', manifest: pkg.manifest }).map(
      (entry) => entry.specifier,
    ),
  );
  const imports = specifiers.map(
    (specifier, index) => `import * as entry${index} from '${specifier}';`,
  );
  const names = specifiers.map((_, index) => `entry${index}`).join(', ');
  return `${imports.join('\n')}\n\nexport { ${names} };\n`;
}

/**
 * Creates a project outside the workspace that depends on the packed tarballs and on the given
 * third-party packages, and copies the fixture files into it. Nothing is installed yet.
 *
 * Internal dependencies (`@hm-sdk/client` depends on `@hm-sdk/auth`, and so on) are pinned to
 * the same tarballs through `overrides`, so npm never requests an `@hm-sdk` name from the
 * registry.
 *
 * @param {{ packed: PackedTarball[]; fixturesDir: string; tools: Record<string, string> }} input
 * @returns {Promise<string>} the project folder, under the system temporary folder
 */
export async function createSmokeProject({ packed, fixturesDir, tools }) {
  const projectDir = await mkdtemp(join(tmpdir(), 'hm-sdk-smoke-'));
  await cp(fixturesDir, projectDir, { recursive: true });
  /** @type {Record<string, string>} */
  const tarballs = Object.fromEntries(packed.map((pkg) => [pkg.name, `file:${pkg.tarball}`]));
  const manifest = {
    name: 'hm-sdk-smoke-project',
    private: true,
    type: 'module',
    dependencies: { ...tarballs, ...tools },
    overrides: tarballs,
  };
  await writeFile(join(projectDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(projectDir, 'entries.ts'), entriesModule(packed));
  return projectDir;
}
