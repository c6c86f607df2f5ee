import { defineConfig, type Rollup } from 'vite';

type ManualChunkMeta = Rollup.ManualChunkMeta;

/** The SDK packages an app ships; everything they import is part of the SDK's cost. */
const sdkPackage = /[\\/]packages[\\/](auth|client)[\\/]/;
/** Code from outside the demo: workspace packages and npm dependencies. */
const dependency = /[\\/](node_modules|packages)[\\/]/;

/** Returns whether an SDK package imports `id`, directly or through other modules. */
function isUsedBySdk(id: string, meta: ManualChunkMeta, seen = new Set<string>()): boolean {
  if (seen.has(id)) return false;
  seen.add(id);
  const info = meta.getModuleInfo(id);
  const importers = [...(info?.importers ?? []), ...(info?.dynamicImporters ?? [])];
  return importers.some(
    (importer) => sdkPackage.test(importer) || isUsedBySdk(importer, meta, seen),
  );
}

/**
 * Puts the SDK with everything it needs in the `sdk` chunk, and the mock with what only the mock
 * needs (msw, the OpenAPI document it validates against) in the `mock` chunk. The size report
 * reads the two chunks to tell the SDK's share of the build. A module both need, such as jose,
 * counts as SDK, because an app without the mock ships it too.
 */
function chunkFor(id: string, meta: ManualChunkMeta): string | undefined {
  if (sdkPackage.test(id) || isUsedBySdk(id, meta)) return 'sdk';
  if (dependency.test(id)) return 'mock';
  return undefined;
}

export default defineConfig({
  // The msw worker script is served from the root, so its scope covers the whole page.
  base: '/',
  build: {
    target: 'es2022',
    manifest: true,
    rollupOptions: {
      output: { manualChunks: chunkFor },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
