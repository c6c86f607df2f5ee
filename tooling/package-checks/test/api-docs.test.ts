import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/smoke-project.js';
import { findPublicPackages, typedEntries } from '../src/workspace.js';

const script = fileURLToPath(new URL('../scripts/api-docs.js', import.meta.url));

// TypeDoc warnings that are accepted for now, as keys from warningKey. Keep it empty: a package
// fixes a warning in its sources by exporting the type or by linking to an exported symbol. An
// entry here lets the test pass while that warning is still open.
const knownWarnings = new Set<string>([]);

/**
 * Reduces a TypeDoc warning to the symbol it is about, so rewording elsewhere in the message
 * (which exported type refers to it) does not make a known warning look new.
 */
function warningKey(line: string): string {
  const notExported = line.match(/^(\S+), defined in (\S+), is referenced by/);
  if (notExported) return `not exported: ${notExported[2]} ${notExported[1]}`;
  const hiddenLink = line.match(/links to "([^"]+)" which was resolved but is not included/);
  if (hiddenLink) return `link to a symbol outside the reference: ${hiddenLink[1]}`;
  return line;
}

describe('API reference', () => {
  let out = '';
  let output = '';

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'hm-sdk-api-'));
    const result = await run('node', [script, out], { cwd: process.cwd(), env: process.env });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the ANSI colour codes
    output = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  }, 240_000);

  afterAll(async () => {
    if (out !== '') await rm(out, { recursive: true, force: true });
  });

  it('builds without errors', () => {
    expect(output).not.toMatch(/^\[error\]/m);
  });

  it('has no warnings beyond the known ones', () => {
    const warnings = output
      .split('\n')
      .filter((line) => line.startsWith('[warning] '))
      .map((line) => warningKey(line.slice('[warning] '.length)));
    const newWarnings = warnings.filter((key) => !knownWarnings.has(key));
    expect(
      newWarnings,
      'new TypeDoc warnings: export each named type from its package entry, or link to an exported symbol',
    ).toEqual([]);
  });

  it('has a module page for every typed entry', async () => {
    const pages = await readdir(join(out, 'modules'));
    const titles = await Promise.all(
      pages.map(async (page) => {
        const html = await readFile(join(out, 'modules', page), 'utf8');
        return html.match(/<title>([^<|]+) \|/)?.[1];
      }),
    );
    const specifiers = (await findPublicPackages()).flatMap((pkg) =>
      typedEntries(pkg).map((entry) => entry.specifier),
    );
    expect(specifiers.length).toBeGreaterThan(0);
    for (const specifier of specifiers) expect(titles).toContain(specifier);
  });
});
