import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const execFileAsync = promisify(execFile);

describe('hm quickstart', () => {
  it('runs every step against the embedded mock', async () => {
    const { stdout, stderr } = await execFileAsync(process.execPath, [bin, 'quickstart'], {
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 60_000,
    });

    expect(stderr).toBe('');
    expect(stdout).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toContain('Got a token with a client secret');
    expect(stdout).toContain('Got a token with a private key (ES256)');
    expect(stdout).toContain('2HM00000000000001: eligible');
    expect(stdout).toContain('Requested a fleet clearance');
    expect(stdout).toContain('Clearance approved');
    expect(stdout).toMatch(/Read the vehicle data\n\s+\d+ capabilities: /);
    expect(stdout).toContain('Done: every step of the flow worked against the mock.');
  });

  it('never prints a token or a secret', async () => {
    const { stdout } = await execFileAsync(process.execPath, [bin, 'quickstart'], {
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 60_000,
    });

    // Access tokens and assertions are JWTs, which start with the base64url of `{"`.
    expect(stdout).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
    expect(stdout).not.toContain('PRIVATE KEY');
  });

  it('rejects an unknown option with exit code 2', async () => {
    const result = await execFileAsync(process.execPath, [bin, 'quickstart', '--nope']).catch(
      (error: { code: number; stderr: string }) => error,
    );

    expect('code' in result && result.code).toBe(2);
    expect('stderr' in result && result.stderr).toContain("Unknown option '--nope'");
  });
});
