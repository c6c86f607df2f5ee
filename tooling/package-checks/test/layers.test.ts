import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

// Which workspace packages each package's source may import. Nothing lower imports anything
// higher: auth and client never import the mock, and the mock never imports auth or client,
// because it speaks plain HTTP and serves clients in any language.
const allowedImports: Record<string, string[]> = {
  'packages/openapi': [],
  'packages/auth': [],
  'packages/client': ['@hm-sdk/auth', '@hm-sdk/openapi'],
  'packages/mock-server': ['@hm-sdk/openapi'],
  'apps/cli': ['@hm-sdk/auth', '@hm-sdk/client', '@hm-sdk/mock-server', '@hm-sdk/openapi'],
  'apps/demo': ['@hm-sdk/auth', '@hm-sdk/client', '@hm-sdk/mock-server', '@hm-sdk/openapi'],
};

const importPattern = /(?:from\s+|import\s*\(\s*|import\s+)['"](@hm-sdk\/[\w-]+)/g;

function ownName(folder: string): string {
  const manifest = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8'));
  return manifest.name as string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(?:ts|tsx|js|mjs)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !/\.test(?:-d)?\.ts$/.test(file));
}

describe('package layers', () => {
  it('scanner finds the client importing auth', () => {
    const imports = sourceFiles(join(root, 'packages/client/src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(importPattern)].map((match) => match[1]),
    );

    expect(imports).toContain('@hm-sdk/auth');
  });

  for (const [folder, allowed] of Object.entries(allowedImports)) {
    it(`${folder} imports only lower layers`, () => {
      const violations: string[] = [];
      for (const file of sourceFiles(join(root, folder, 'src'))) {
        for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
          const imported = match[1] as string;
          // A package's own name shows up in its TSDoc examples.
          if (!allowed.includes(imported) && imported !== ownName(folder)) {
            violations.push(`${relative(root, file)} imports ${imported}`);
          }
        }
      }

      expect(violations).toEqual([]);
    });
  }
});
