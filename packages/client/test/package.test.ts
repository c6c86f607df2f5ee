import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SDK_NAME, SDK_VERSION } from '../src/index.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('package', () => {
  it('reports the version from package.json', () => {
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

    expect(SDK_VERSION).toBe(manifest.version);
    expect(SDK_NAME).toMatch(/^[a-z-]+$/);
  });

  it.each(
    sourceFiles(join(packageDir, 'src')).map((path) => [path.slice(packageDir.length), path]),
  )('%s uses no Node-only API', (_, path) => {
    // Doc comments may show Node usage in examples; only code counts.
    const source = readFileSync(path, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');

    expect(source).not.toMatch(/from ['"]node:/);
    expect(source).not.toMatch(/\b(process|Buffer|require)\b[.(]/);
    expect(source).not.toMatch(/from ['"]@hm-sdk\/(auth|mock-server)\/node['"]/);
  });
});
