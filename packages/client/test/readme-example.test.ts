import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const packageRoot = new URL('..', import.meta.url);

describe('README first steps', () => {
  it('is the example file', async () => {
    const readme = await readFile(new URL('README.md', packageRoot), 'utf8');
    const example = await readFile(new URL('examples/quickstart.mjs', packageRoot), 'utf8');

    expect(readme).toContain(example.trim());
  });

  it('runs against the built package', async () => {
    // A separate Node process resolves '@hm-sdk/client' to dist/ through the package's exports,
    // as `node examples/quickstart.mjs` in the README does.
    const { stdout } = await promisify(execFile)(process.execPath, ['examples/quickstart.mjs'], {
      cwd: packageRoot,
      timeout: 20_000,
    });

    expect(stdout).toMatch(/^eligible: true\n/);
    // With approvalDelayMs 0 the mock approves a sandbox clearance as it is requested.
    expect(stdout).toContain('clearance requested: approved\n');
    expect(stdout).toContain('clearance: approved\n');
    expect(stdout).toMatch(/odometer: \d+ kilometers\n$/);
  });
});
