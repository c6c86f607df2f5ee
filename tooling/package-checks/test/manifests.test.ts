import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runAttw, runPublint } from '../src/lint.js';
import { listTarballFiles, readTarballFile } from '../src/pack.js';
import { repositoryRoot } from '../src/workspace.js';

const packed = inject('packedPackages');
const versions = new Map(packed.map((pkg) => [pkg.name, pkg.version]));
const dependencyFields = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
] as const;

/** The `package.json` fields these checks read. */
interface PackedManifest
  extends Partial<Record<(typeof dependencyFields)[number], Record<string, string>>> {
  type?: string;
  license?: string;
  engines?: { node?: string };
  repository?: { directory?: string };
  publishConfig?: { access?: string };
  sideEffects?: unknown;
  exports?: Record<string, unknown>;
}

async function readPackedManifest(tarball: string): Promise<PackedManifest> {
  return JSON.parse(await readTarballFile(tarball, 'package.json'));
}

describe('public packages', () => {
  it('are the five published ones', () => {
    expect(packed.map((pkg) => pkg.name)).toEqual([
      '@hm-sdk/auth',
      '@hm-sdk/cli',
      '@hm-sdk/client',
      '@hm-sdk/mock-server',
      '@hm-sdk/openapi',
    ]);
  });
});

describe.each(packed)('$name', (pkg) => {
  it('passes publint', async () => {
    expect(await runPublint(pkg.tarball)).toEqual([]);
  });

  it('passes attw for ESM consumers', async () => {
    const manifest = await readPackedManifest(pkg.tarball);
    expect(await runAttw(pkg.tarball, manifest)).toEqual([]);
  });

  it('ships the root MIT license', async () => {
    const files = await listTarballFiles(pkg.tarball);
    expect(files).toContain('LICENSE');
    const rootLicense = await readFile(join(repositoryRoot, 'LICENSE'), 'utf8');
    expect(await readTarballFile(pkg.tarball, 'LICENSE')).toBe(rootLicense);
  });

  it('ships a README with an example', async () => {
    expect(await listTarballFiles(pkg.tarball)).toContain('README.md');
    expect(await readTarballFile(pkg.tarball, 'README.md')).toMatch(/^```[a-z]+$/m);
  });

  it('packs workspace ranges as exact versions', async () => {
    const manifest = await readPackedManifest(pkg.tarball);
    for (const field of dependencyFields) {
      for (const [name, range] of Object.entries(manifest[field] ?? {})) {
        expect(range, `${field}.${name}`).not.toMatch(/^workspace:/);
        const workspaceVersion = versions.get(name);
        if (workspaceVersion !== undefined && field !== 'peerDependencies') {
          expect(range, `${field}.${name}`).toBe(workspaceVersion);
        }
      }
    }
  });

  it('declares its release metadata', async () => {
    const manifest = await readPackedManifest(pkg.tarball);
    expect(manifest.type).toBe('module');
    expect(manifest.license).toBe('MIT');
    expect(manifest.engines?.node).toBe('>=20.19.0');
    expect(manifest.repository?.directory).toBe(relative(repositoryRoot, pkg.dir));
    expect(manifest.publishConfig?.access).toBe('public');
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.exports?.['./package.json']).toBe('./package.json');
  });
});
