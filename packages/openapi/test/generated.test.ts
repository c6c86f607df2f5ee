import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const generateScript = join(packageDir, 'scripts', 'generate.mjs');
const generatedDir = join(packageDir, 'src', 'generated');

interface CheckResult {
  exitCode: number;
  output: string;
}

/** Runs the generator in check mode and captures its exit code and output. */
async function runCheck(extraArgs: string[] = []): Promise<CheckResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [
      generateScript,
      '--check',
      ...extraArgs,
    ]);
    return { exitCode: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return {
      exitCode: failure.code ?? -1,
      output: `${failure.stdout ?? ''}${failure.stderr ?? ''}`,
    };
  }
}

describe('generated files', () => {
  const temporaryDirs: string[] = [];

  afterEach(async () => {
    await Promise.all(temporaryDirs.map((dir) => rm(dir, { recursive: true, force: true })));
    temporaryDirs.length = 0;
  });

  it('match the YAML document', async () => {
    const result = await runCheck();
    // The generator prints which file is stale and the command that fixes it.
    expect(result.output, result.output).toContain('up to date');
    expect(result.exitCode, result.output).toBe(0);
  });

  // The build regenerates the files before the tests run, so in CI the check
  // above compares the generator with itself. Comparing the working tree with
  // the commit is what catches a YAML edit committed without regeneration.
  it.skipIf(!process.env.CI)('equal the committed files in CI', async () => {
    const { stdout } = await run('git', ['status', '--porcelain', '--', generatedDir], {
      cwd: packageDir,
    });

    expect(stdout, 'Run `pnpm --filter @hm-sdk/openapi generate` and commit src/generated').toBe(
      '',
    );
  });

  it('are reported as stale after an edit', async () => {
    const copyDir = await mkdtemp(join(tmpdir(), 'hm-openapi-generated-'));
    temporaryDirs.push(copyDir);
    await cp(generatedDir, copyDir, { recursive: true });
    await writeFile(join(copyDir, 'schema.ts'), '// edited by hand\n');

    const result = await runCheck(['--dir', copyDir]);

    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('schema.ts');
    expect(result.output).not.toContain('document.ts');
    expect(result.output).toContain('pnpm --filter @hm-sdk/openapi generate');
  });

  it('are reported as missing in an empty folder', async () => {
    const emptyDir = await mkdtemp(join(tmpdir(), 'hm-openapi-empty-'));
    temporaryDirs.push(emptyDir);

    const result = await runCheck(['--dir', emptyDir]);

    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('schema.ts, document.ts');
  });
});
