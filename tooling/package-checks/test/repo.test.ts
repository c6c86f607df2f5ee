import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const execFileAsync = promisify(execFile);

interface CommandResult {
  exitCode: number;
  output: string;
}

async function runInRoot(command: string, args: string[]): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, {
      cwd: root,
      maxBuffer: 32 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    return { exitCode: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { exitCode: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

// CI runs only the test task, so the repository-wide gates run here as tests.
describe('repository gates', () => {
  it('biome finds no format or lint error', async () => {
    const result = await runInRoot('pnpm', ['exec', 'biome', 'check', '.']);

    expect(result.exitCode, `run \`pnpm exec biome check --write .\`\n${result.output}`).toBe(0);
  }, 120_000);

  it('every workspace package type-checks', async () => {
    const result = await runInRoot('pnpm', [
      '--recursive',
      '--workspace-concurrency=1',
      '--reporter=append-only',
      'run',
      'typecheck',
    ]);
    const errors = result.output.split('\n').filter((line) => /error TS\d+/.test(line));

    expect(errors).toEqual([]);
    expect(result.exitCode).toBe(0);
  }, 600_000);
});
