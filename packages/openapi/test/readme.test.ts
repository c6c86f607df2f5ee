import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const readmePath = `${packageDir}README.md`;
const entryPath = `${packageDir}src/index.ts`;

/** Returns the contents of every fenced `ts` block of the README. */
function readTypeScriptBlocks(): string[] {
  const readme = readFileSync(readmePath, 'utf8');
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

/** Type-checks a snippet with the package name mapped to the source entry point. */
function typeCheck(source: string): string[] {
  const fileName = `${packageDir}test/readme-example.ts`;
  const options: ts.CompilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    paths: { '@hm-sdk/openapi': [entryPath] },
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (path) => (path === fileName ? source : readFile(path));
  host.fileExists = (path) => path === fileName || fileExists(path);

  const program = ts.createProgram([fileName], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('README', () => {
  it('has a TypeScript example', () => {
    expect(readTypeScriptBlocks().length).toBeGreaterThan(0);
  });

  it('examples type-check', () => {
    for (const block of readTypeScriptBlocks()) {
      expect(typeCheck(block)).toEqual([]);
    }
  });
});
