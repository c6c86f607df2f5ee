import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { repositoryRoot } from '../src/workspace.js';

const changesetDir = join(repositoryRoot, '.changeset');
const publicNames = inject('packedPackages').map((pkg) => pkg.name);

/** Reads the package names in the front matter of a changeset file. */
function changesetPackages(text: string): string[] {
  const frontMatter = text.match(/^---\n([\s\S]*?)\n---/)?.[1] ?? '';
  return [...frontMatter.matchAll(/^"([^"]+)":\s*(?:patch|minor|major)\s*$/gm)].map(
    (match) => match[1] ?? '',
  );
}

describe('release flow', () => {
  it('publishes public packages and never private ones', async () => {
    const config = JSON.parse(await readFile(join(changesetDir, 'config.json'), 'utf8'));
    expect(config.access).toBe('public');
    expect(config.privatePackages).toEqual({ version: false, tag: false });
  });

  it('names only public packages in changesets', async () => {
    const files = (await readdir(changesetDir)).filter(
      (file) => file.endsWith('.md') && file !== 'README.md',
    );
    for (const file of files) {
      const names = changesetPackages(await readFile(join(changesetDir, file), 'utf8'));
      expect(names.length, `${file} names no package`).toBeGreaterThan(0);
      for (const name of names) expect(publicNames, `${file}`).toContain(name);
    }
  });

  it('builds before it publishes', async () => {
    const manifest = JSON.parse(await readFile(join(repositoryRoot, 'package.json'), 'utf8'));
    expect(manifest.scripts.release).toMatch(/turbo run build && changeset publish$/);
  });
});
