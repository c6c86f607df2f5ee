import { defineConfig } from 'vite';

/** Chunk that a module belongs to, so the size report can tell the SDK from the mock. */
function chunkFor(moduleId: string): string | undefined {
  if (/[\\/]packages[\\/](auth|client|openapi)[\\/]/.test(moduleId)) return 'sdk';
  if (/[\\/]node_modules[\\/](openapi-fetch|jose)[\\/]/.test(moduleId)) return 'sdk';
  if (/[\\/]packages[\\/]mock-server[\\/]/.test(moduleId)) return 'mock';
  if (moduleId.includes('node_modules')) return 'mock';
  return undefined;
}

export default defineConfig({
  // Same-origin paths only: the msw worker script is served from the root so its scope covers
  // the whole page.
  base: '/',
  build: {
    target: 'es2022',
    manifest: true,
    rollupOptions: {
      output: { manualChunks: chunkFor },
    },
  },
  server: { host: '127.0.0.1', strictPort: false },
  preview: { host: '127.0.0.1' },
});
