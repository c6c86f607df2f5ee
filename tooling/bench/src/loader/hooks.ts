/**
 * Module loader hooks that let Node 20 run the workspace's TypeScript benchmark files.
 * `.ts` files outside node_modules are transpiled with esbuild (types stripped, no type check),
 * and a relative `./x.js` import that has no `.js` file resolves to `./x.ts`, as in NodeNext
 * sources. Everything else goes through Node's own resolution and loading unchanged.
 */
import { readFile } from 'node:fs/promises';
import type { LoadHook, ResolveHook } from 'node:module';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const typeScriptFile = /\.m?ts$/;

export const resolve: ResolveHook = async (specifier, context, nextResolve) => {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const fromTypeScript =
      context.parentURL !== undefined && typeScriptFile.test(context.parentURL);
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    if (!fromTypeScript || !relative || !/\.[cm]?js$/.test(specifier)) throw error;
    return nextResolve(specifier.replace(/js$/, 'ts'), context);
  }
};

export const load: LoadHook = async (url, context, nextLoad) => {
  if (!url.startsWith('file:') || !typeScriptFile.test(url) || url.includes('/node_modules/')) {
    return nextLoad(url, context);
  }
  const path = fileURLToPath(url);
  const source = await readFile(path, 'utf8');
  const output = await transform(source, {
    loader: 'ts',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: path,
  });
  return { format: 'module', source: output.code, shortCircuit: true };
};
