import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const packageRoot = new URL('..', import.meta.url).pathname;

/** Removes block and line comments, so TSDoc examples do not count as code. */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

async function listSources(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('package', () => {
  it('main entry imports no Node.js module', async () => {
    const sources = await listSources(join(packageRoot, 'src'));
    const offenders: string[] = [];
    for (const file of sources.filter((path) => !path.includes('/src/node/'))) {
      const text = stripComments(await readFile(file, 'utf8'));
      if (
        /from '(node:|fs|path|crypto|http|util)/.test(text) ||
        /\bprocess\.|\bBuffer\b/.test(text)
      ) {
        offenders.push(file);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('library code never calls console', async () => {
    const sources = await listSources(join(packageRoot, 'src'));
    for (const file of sources) {
      const code = stripComments(await readFile(file, 'utf8'));
      expect(code).not.toMatch(/\bconsole\.(log|info|warn|error|debug|trace)\(/);
    }
  });

  it('README quick start is the example file and runs', async () => {
    const readme = await readFile(join(packageRoot, 'README.md'), 'utf8');
    const example = await readFile(join(packageRoot, 'examples/quickstart.mjs'), 'utf8');
    expect(readme).toContain(example.trim());

    const written: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      await import(new URL('../examples/quickstart.mjs', import.meta.url).href);
    } finally {
      write.mockRestore();
    }
    expect(written.join('')).toMatch(
      /^scopes: fleet:clearance, vehicle:eligibility-check, vehicle:data\nexpires: \d{4}-/,
    );
  });
});
