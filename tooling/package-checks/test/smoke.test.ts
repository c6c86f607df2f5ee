import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createSmokeProject,
  describeRun,
  installedVersion,
  type PackedTarball,
  readPackedManifests,
  run,
} from '../src/smoke-project.js';
import { repositoryRoot, typedEntries } from '../src/workspace.js';

const fixturesDir = fileURLToPath(new URL('../fixtures/smoke-project', import.meta.url));
// Generous limits: a type check with skipLibCheck off takes about 10 s of CPU, and CI runs two
// packages' tests at once on two cores.
const stepTimeoutMs = 60_000;
const typeCheckTimeoutMs = 180_000;

function readPackedTarballs(): Promise<PackedTarball[]> {
  return readPackedManifests(inject('packedPackages'));
}

/** Reads the versions this workspace uses of the smoke project's third-party packages. */
async function workspaceToolVersions(): Promise<Record<string, string>> {
  return {
    msw: await installedVersion(join(repositoryRoot, 'packages/mock-server'), 'msw'),
    typescript: await installedVersion(repositoryRoot, 'typescript'),
    vitest: await installedVersion(repositoryRoot, 'vitest'),
    '@types/node': await installedVersion(repositoryRoot, '@types/node'),
  };
}

// NOTE: npm install downloads the third-party packages (msw, jose, openapi-fetch, typescript,
// vitest and their dependencies) from the npm registry unless the npm cache already has them,
// so this suite needs the registry on a machine with an empty cache.
describe('packed packages in a fresh project (uses the npm registry)', () => {
  let projectDir = '';
  const bin = (name: string) => join(projectDir, 'node_modules', '.bin', name);

  beforeAll(async () => {
    projectDir = await createSmokeProject({
      packed: await readPackedTarballs(),
      fixturesDir,
      tools: await workspaceToolVersions(),
    });
    const install = await run(
      'npm',
      ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'],
      { cwd: projectDir },
    );
    if (install.code !== 0) throw new Error(describeRun('npm install', install));
  }, 240_000);

  afterAll(async () => {
    if (projectDir !== '') await rm(projectDir, { recursive: true, force: true });
  });

  it('installs every @hm-sdk package from its tarball', async () => {
    const lock = JSON.parse(await readFile(join(projectDir, 'package-lock.json'), 'utf8'));
    const internal = Object.entries<{ resolved?: string }>(lock.packages).filter(([path]) =>
      path.includes('node_modules/@hm-sdk/'),
    );
    expect(internal.length).toBeGreaterThanOrEqual(inject('packedPackages').length);
    for (const [path, entry] of internal) {
      expect(entry.resolved, path).toMatch(/^file:.*\.tgz$/);
      const installed = JSON.parse(await readFile(join(projectDir, path, 'package.json'), 'utf8'));
      expect(JSON.stringify(installed.dependencies ?? {}), path).not.toContain('workspace:');
    }
  });

  it('runs auth and client against the mock listener', { timeout: stepTimeoutMs }, async () => {
    const result = await run('node', ['usage.mjs'], { cwd: projectDir });
    expect(result.code, describeRun('node usage.mjs', result)).toBe(0);

    const report = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '');
    expect(report.scopes).toContain('vehicle:eligibility-check');
    expect(report.tokenJsonHasSecret).toBe(false);
    expect(report.eligible).toBe(true);
    expect(report.clearanceStatus).toBe('approved');
    expect(report.dataVin).toBe('SMKTEST0000000001');
    expect(report.routes[0]).toBe('POST /v1/access_tokens');
  });

  it.each([
    ['NodeNext', 'tsconfig.json'],
    ['bundler', 'tsconfig.bundler.json'],
  ])(
    'type-checks every public entry with %s resolution',
    { timeout: typeCheckTimeoutMs },
    async (_, config) => {
      const result = await run(bin('tsc'), ['-p', config], { cwd: projectDir });
      expect(result.code, describeRun(`tsc -p ${config}`, result)).toBe(0);
    },
  );

  it('runs a vitest file that uses setupMockServer', { timeout: stepTimeoutMs }, async () => {
    const result = await run(bin('vitest'), ['run', '--reporter=dot'], { cwd: projectDir });
    expect(result.code, describeRun('vitest run', result)).toBe(0);
    expect(result.stdout).toMatch(/1 passed/);
  });

  it('loads every Node entry with require', { timeout: stepTimeoutMs }, async () => {
    const specifiers = (await readPackedTarballs()).flatMap((pkg) =>
      typedEntries({ name: pkg.name, version: '', dir: '', manifest: pkg.manifest })
        .filter((entry) => pkg.manifest.exports[entry.subpath].node !== null)
        .map((entry) => entry.specifier),
    );
    const result = await run('node', ['require-entries.cjs', ...specifiers], { cwd: projectDir });
    expect(result.code, describeRun('node require-entries.cjs', result)).toBe(0);

    const exportCounts: Record<string, number> = JSON.parse(result.stdout);
    expect(Object.keys(exportCounts)).toEqual(specifiers);
    for (const [specifier, count] of Object.entries(exportCounts)) {
      expect(count, specifier).toBeGreaterThan(0);
    }
  });

  it('prints the help of the installed hm command', { timeout: stepTimeoutMs }, async () => {
    const result = await run(bin('hm'), ['--help'], { cwd: projectDir });
    expect(result.code, describeRun('hm --help', result)).toBe(0);
    expect(result.stdout).toMatch(/^Usage: hm /m);
    expect(result.stdout).toContain('quickstart');
  });
});
