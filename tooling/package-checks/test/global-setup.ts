import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { packPackage } from '../src/pack.js';
import { findPublicPackages } from '../src/workspace.js';

/** A public package and the tarball `pnpm pack` made from its current build. */
export interface PackedPackage {
  name: string;
  version: string;
  dir: string;
  tarball: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    packedPackages: PackedPackage[];
  }
}

/** Packs every public package into a temporary folder and removes the folder after the run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const packDir = await mkdtemp(join(tmpdir(), 'hm-sdk-packs-'));
  const packed: PackedPackage[] = [];
  for (const pkg of await findPublicPackages()) {
    const tarball = await packPackage(pkg.dir, packDir);
    packed.push({ name: pkg.name, version: pkg.version, dir: pkg.dir, tarball });
  }
  project.provide('packedPackages', packed);
  return () => rm(packDir, { recursive: true, force: true });
}
