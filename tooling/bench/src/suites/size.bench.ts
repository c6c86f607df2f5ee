/**
 * Bundle sizes of the public browser entries: each entry bundled alone with esbuild (ESM,
 * minified, browser platform, every dependency included), then gzipped at level 9. Sizes do not
 * vary between runs, so each result has one sample and no baseline.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { emit } from '../measure.js';
import { benchRoot } from '../paths.js';

interface Entry {
  name: string;
  title: string;
  /** Module source that re-exports what a browser app would import. */
  source: string;
}

const entries: Entry[] = [
  { name: 'size.auth', title: 'bundle: @hm-sdk/auth', source: "export * from '@hm-sdk/auth';" },
  {
    name: 'size.client',
    title: 'bundle: @hm-sdk/client (with auth)',
    source: "export * from '@hm-sdk/client';",
  },
  {
    name: 'size.auth-and-client',
    title: 'bundle: auth + client together',
    source: "export * from '@hm-sdk/auth';\nexport * from '@hm-sdk/client';",
  },
  {
    name: 'size.mock-server-browser',
    title: 'bundle: mock-server + /browser (with msw)',
    source: "export * from '@hm-sdk/mock-server';\nexport * from '@hm-sdk/mock-server/browser';",
  },
];

async function measure(entry: Entry): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    stdin: { contents: entry.source, resolveDir: benchRoot, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0]?.contents;
  if (bytes === undefined) throw new Error(`esbuild wrote no output for ${entry.name}.`);
  return { minified: bytes.byteLength, gzipped: gzipSync(bytes, { level: 9 }).byteLength };
}

for (const entry of entries) {
  const size = await measure(entry);
  emit({
    name: entry.name,
    title: entry.title,
    unit: 'bytes',
    better: 'lower',
    subject: { name: 'minified + gzip -9', samples: [size.gzipped] },
    extra: { minifiedBytes: size.minified },
  });
}
