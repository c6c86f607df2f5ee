import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * Packs a workspace package with `pnpm pack`, the way `changeset publish` packs it (through `pnpm publish`):
 * `workspace:` ranges become real versions and only the `files` allowlist (plus the files npm
 * always adds, such as LICENSE and README) goes in.
 *
 * @param {string} packageDir folder of the package
 * @param {string} destination folder that receives the tarball
 * @returns {Promise<string>} absolute path of the tarball
 */
export async function packPackage(packageDir, destination) {
  const { stdout } = await execFileAsync(
    'pnpm',
    ['pack', '--pack-destination', destination, '--json'],
    { cwd: packageDir, maxBuffer: 16 * 1024 * 1024 },
  );
  /** @type {{ filename: string }} */
  const result = JSON.parse(stdout);
  return result.filename;
}

/**
 * Lists the paths inside a package tarball, without the `package/` prefix that npm and pnpm add.
 *
 * @param {string} tarball path of a `.tgz` file
 * @returns {Promise<string[]>}
 */
export async function listTarballFiles(tarball) {
  const { stdout } = await execFileAsync('tar', ['-tzf', tarball], { maxBuffer: 16 * 1024 * 1024 });
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.replace(/^package\//, ''));
}

/**
 * Reads one text file from a package tarball.
 *
 * @param {string} tarball path of a `.tgz` file
 * @param {string} path path inside the package, such as `package.json`
 * @returns {Promise<string>}
 */
export async function readTarballFile(tarball, path) {
  const { stdout } = await execFileAsync('tar', ['-xzOf', tarball, `package/${path}`], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}
