import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { benchRoot, repoRoot } from './paths.js';

/** One benchmark file found in the workspace. */
export interface BenchFile {
  /** Absolute path of the file. */
  path: string;
  /** Path relative to the repository root, for messages and the results file. */
  label: string;
  /** Package folder the file belongs to; the file runs with this as its working directory. */
  packageDir: string;
  /** Whether the file needs the TypeScript loader. */
  typescript: boolean;
}

const benchFilePattern = /\.bench\.(?:m?ts|m?js)$/;

/** Folders whose packages may keep benchmark files in a `bench/` subfolder. */
const workspaceFolders = ['packages', 'apps', 'tooling'];

/**
 * Finds every `<workspace folder>/<package>/bench/*.bench.{ts,mts,js,mjs}` file, plus this
 * package's own compiled benchmarks in dist/suites, sorted by path so runs are in a stable order.
 */
export async function discoverBenchFiles(): Promise<BenchFile[]> {
  const files: BenchFile[] = [];
  for (const folder of workspaceFolders) {
    for (const packageName of await listDirectory(join(repoRoot, folder))) {
      const packageDir = join(repoRoot, folder, packageName);
      files.push(...(await benchFilesIn(join(packageDir, 'bench'), packageDir)));
    }
  }
  files.push(...(await benchFilesIn(join(benchRoot, 'dist', 'suites'), benchRoot)));
  return files.sort((a, b) => a.label.localeCompare(b.label));
}

async function benchFilesIn(directory: string, packageDir: string): Promise<BenchFile[]> {
  const names = await listDirectory(directory);
  return names
    .filter((name) => benchFilePattern.test(name))
    .map((name) => {
      const path = join(directory, name);
      return {
        path,
        label: relative(repoRoot, path),
        packageDir,
        typescript: /\.m?ts$/.test(name),
      };
    });
}

async function listDirectory(directory: string): Promise<string[]> {
  try {
    return await readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
