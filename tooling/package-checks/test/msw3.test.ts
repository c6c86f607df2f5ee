import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fetchNodeBinary } from '../src/node-binary.js';
import {
  createSmokeProject,
  describeRun,
  installedVersion,
  readPackedManifests,
  run,
} from '../src/smoke-project.js';
import { repositoryRoot } from '../src/workspace.js';

const fixturesDir = fileURLToPath(new URL('../fixtures/msw3-project', import.meta.url));
/** msw 3.0 declares `engines.node` >=22.12, so its checks run on this Node.js release. */
const nodeVersion = '22.23.5';
const mswVersion = '3.0.5';
/** The packed packages the project installs: the mock and its one internal dependency. */
const packageNames = ['@hm-sdk/mock-server', '@hm-sdk/openapi'];
// Generous limits: CI runs two packages' tests at once on two cores.
const stepTimeoutMs = 60_000;
const typeCheckTimeoutMs = 180_000;

/** Reads the versions this workspace uses of the build and browser tools the project needs. */
async function workspaceToolVersions(): Promise<Record<string, string>> {
  return {
    esbuild: await installedVersion(join(repositoryRoot, 'tooling/package-checks'), 'esbuild'),
    'playwright-core': await installedVersion(join(repositoryRoot, 'apps/demo'), 'playwright-core'),
    typescript: await installedVersion(repositoryRoot, 'typescript'),
    '@types/node': await installedVersion(repositoryRoot, '@types/node'),
  };
}

/** Runs a script of the project with a Node.js binary and parses its last output line. */
async function runReport(node: string, script: string, cwd: string) {
  const result = await run(node, [script], { cwd });
  expect(result.code, describeRun(`node ${script}`, result)).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '');
}

const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64';

// NOTE: npm downloads msw 3, the build tools and the Node.js 22 package (about 50 MB) from the
// npm registry unless the npm cache already has them. The Node.js package exists for Linux x64
// only, so the suite is skipped on other platforms.
describe.skipIf(!onLinuxX64)('mock-server with msw 3 on Node.js 22 (uses the npm registry)', () => {
  let projectDir = '';
  let node = '';

  beforeAll(async () => {
    projectDir = await createSmokeProject({
      packed: await readPackedManifests(
        inject('packedPackages').filter((pkg) => packageNames.includes(pkg.name)),
      ),
      fixturesDir,
      tools: { msw: mswVersion, ...(await workspaceToolVersions()) },
    });
    const install = await run(
      'npm',
      ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'],
      { cwd: projectDir },
    );
    if (install.code !== 0) throw new Error(describeRun('npm install', install));
    const nodeDir = join(projectDir, 'node-runtime');
    await mkdir(nodeDir);
    node = await fetchNodeBinary(nodeVersion, nodeDir);
  }, 240_000);

  afterAll(async () => {
    if (projectDir !== '') await rm(projectDir, { recursive: true, force: true });
  });

  it('installs msw 3 next to the mock', async () => {
    expect(await installedVersion(projectDir, 'msw')).toBe(mswVersion);
    const version = await run(node, ['--version'], { cwd: projectDir });
    expect(version.stdout.trim()).toBe(`v${nodeVersion}`);
  });

  it('type-checks the mock entries against msw 3', { timeout: typeCheckTimeoutMs }, async () => {
    const result = await run(join(projectDir, 'node_modules', '.bin', 'tsc'), ['-p', '.'], {
      cwd: projectDir,
    });
    expect(result.code, describeRun('tsc -p .', result)).toBe(0);
  });

  it('rejects msw 3 on Node.js 20', {
    timeout: stepTimeoutMs,
  }, async () => {
    const report = await runReport(process.execPath, 'old-node-check.mjs', projectDir);
    const expected = new RegExp(
      `^msw ${mswVersion.replaceAll('.', '\\.')} needs Node\\.js 22\\.12`,
    );

    expect(report.nodeVersion).toBe(process.versions.node);
    expect(report.setup).toMatch(expected);
    expect(report.listener).toMatch(expected);
  });

  it('serves and intercepts requests in Node.js', { timeout: stepTimeoutMs }, async () => {
    const report = await runReport(node, 'server-check.mjs', projectDir);

    expect(report.nodeVersion).toBe(nodeVersion);
    expect(report.mswVersion).toBe(mswVersion);
    expect(report.workerScriptVersion).toBe(mswVersion);
    expect(report.intercepted).toEqual({ tokenStatus: 200, status: 200, eligible: true });
    expect(report.interceptedRoutes).toEqual(['POST /v1/access_tokens', 'POST /v1/eligibility']);
    expect(report.unhandled).toMatch(/"error" strategy/);
    expect(report.overHttp).toEqual({ tokenStatus: 200, status: 200, eligible: true });
    expect(report.droppedRequest).not.toBeNull();
    expect(report.listenerRoutes).toEqual([
      'POST /v1/access_tokens',
      'POST /v1/eligibility',
      'POST /v1/access_tokens',
      'POST /v1/eligibility',
    ]);
  });

  describe('in Chromium', () => {
    let pages: Record<string, PageReport> = {};

    interface PageReport {
      result: {
        controlled: boolean;
        eligibility: unknown;
        unhandledStatus: number;
        unhandled: string[];
        routes: string[];
      } | null;
      error: string | null;
      messages: string[];
      served: string[];
    }

    beforeAll(async () => {
      pages = await runReport(node, 'worker-check.mjs', projectDir);
    }, stepTimeoutMs);

    it.each(['default', 'warn', 'callback'])('mocks API requests with %s strategy', (name) => {
      const page = pages[name];
      expect(page?.error).toBeNull();
      expect(page?.result?.controlled).toBe(true);
      expect(page?.result?.eligibility).toEqual({ tokenStatus: 200, status: 200, eligible: true });
      expect(page?.result?.routes).toEqual(['POST /v1/access_tokens', 'POST /v1/eligibility']);
      // The worker responded to every API request, so the page's server never received one.
      expect(page?.served.filter((path) => path.includes('/v1/'))).toEqual([]);
      // The unhandled request went on to the page's server.
      expect(page?.result?.unhandledStatus).toBe(200);
    });

    it('bypasses unhandled requests by default', () => {
      expect(pages.default?.messages).toEqual([]);
    });

    it('warns with the warn strategy', () => {
      const warnings = pages.warn?.messages.filter((message) => message.startsWith('warning:'));
      expect(warnings).toHaveLength(1);
      expect(warnings?.[0]).toContain('GET /not-mocked');
    });

    it('passes unhandled requests to the callback', () => {
      expect(pages.callback?.result?.unhandled).toEqual(['GET http:/not-mocked', 'GET ws:/socket']);
      const warnings = pages.callback?.messages.filter((message) => message.startsWith('warning:'));
      expect(warnings).toEqual([]);
    });
  });
});
