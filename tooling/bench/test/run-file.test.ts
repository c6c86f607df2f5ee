import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BenchFile } from '../src/discover.js';
import { runBenchFile } from '../src/run-file.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

function fixture(name: string): BenchFile {
  return {
    path: join(fixtures, name),
    label: `fixtures/${name}`,
    packageDir: fixtures,
    typescript: name.endsWith('.ts'),
  };
}

describe('runBenchFile', () => {
  it('runs TypeScript through the loader', async () => {
    const run = await runBenchFile(fixture('typescript.bench.ts'), {
      mode: 'short',
      timeoutMs: 15_000,
    });
    expect(run.problems).toEqual([]);
    expect(run.results).toHaveLength(1);
    expect(run.results[0]?.name).toBe('fixture.typescript');
    expect(run.stderrTail).toContain('progress goes to stderr');
  });

  it('passes the mode and package folder', async () => {
    const run = await runBenchFile(fixture('typescript.bench.ts'), {
      mode: 'short',
      timeoutMs: 15_000,
    });
    const extra = run.results[0]?.extra;
    expect(extra?.argvMode).toBe('short');
    expect(extra?.envMode).toBe('short');
    expect(String(extra?.cwd).replace(/\/$/, '')).toBe(fixtures.replace(/\/$/, ''));
  });

  it('omits --short in full mode', async () => {
    const run = await runBenchFile(fixture('typescript.bench.ts'), {
      mode: 'full',
      timeoutMs: 15_000,
    });
    expect(run.results[0]?.extra?.argvMode).toBe('full');
    expect(run.results[0]?.extra?.envMode).toBe('full');
  });

  it('reports a failing file', async () => {
    const run = await runBenchFile(fixture('crash.bench.mjs'), {
      mode: 'short',
      timeoutMs: 15_000,
    });
    expect(run.results).toEqual([]);
    expect(run.problems).toContain('exited with code 3');
    expect(run.problems.join('\n')).toMatch(/stdout line 1 is not JSON/);
  });

  it('kills a file that times out', async () => {
    const run = await runBenchFile(fixture('hang.bench.mjs'), { mode: 'short', timeoutMs: 500 });
    expect(run.problems[0]).toBe('timed out after 500 ms and was killed');
  });
});
