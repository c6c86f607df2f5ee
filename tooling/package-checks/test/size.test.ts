import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { browserBundles, measureBundle, scenarioGzipBytes, sourcePackage } from '../src/size.js';

const resolveDir = fileURLToPath(new URL('..', import.meta.url));

describe('sourcePackage', () => {
  it.each([
    ['../../node_modules/.pnpm/jose@6.2.19/node_modules/jose/dist/webapi/index.js', 'jose'],
    [
      '../../node_modules/.pnpm/@mswjs+interceptors@0.39.8/node_modules/@mswjs/interceptors/lib/a.mjs',
      '@mswjs/interceptors',
    ],
    ['../../packages/auth/dist/index.js', 'packages/auth'],
    ['size-entry.js', 'size-entry.js'],
  ])('maps %s to %s', (path, expected) => {
    expect(sourcePackage(path)).toBe(expected);
  });
});

describe.each(browserBundles)('$label bundle', (bundle) => {
  it('builds for browsers within its budget', async () => {
    // esbuild fails on a `node:` import under platform 'browser', so a Node-only module that
    // leaks into a browser entry fails this test.
    const size = await measureBundle(bundle.specifiers, resolveDir);

    expect(size.minifiedBytes).toBeGreaterThan(0);
    expect(size.gzipBytes).toBeLessThan(size.minifiedBytes);
    if (bundle.gzipBudgetBytes !== undefined) {
      const parts = size.contributions.map(({ source, bytes }) => `${source} ${bytes} B`);
      expect(
        size.gzipBytes,
        `gzipped size of what ${bundle.label} loads with the import; minified bytes per package: ${parts.join(', ')}`,
      ).toBeLessThanOrEqual(bundle.gzipBudgetBytes);
    }
  });
});

describe('code that loads on first use', () => {
  it('keeps jose and openapi-fetch on demand', async () => {
    const size = await measureBundle(['@hm-sdk/auth', '@hm-sdk/client'], resolveDir);
    const eagerSources = size.contributions.map(({ source }) => source);
    const onDemandSources = size.onDemand.flatMap((chunk) =>
      chunk.contributions.map(({ source }) => source),
    );

    expect(eagerSources).toEqual(expect.arrayContaining(['packages/auth', 'packages/client']));
    expect(eagerSources).not.toContain('jose');
    expect(eagerSources).not.toContain('openapi-fetch');
    expect(onDemandSources).toEqual(expect.arrayContaining(['jose', 'openapi-fetch']));
    expect(size.totalGzipBytes).toBeGreaterThan(size.gzipBytes);
  });

  it('adds the chunks each kind of app loads at startup', async () => {
    const bundle = browserBundles.find(({ label }) => label === '@hm-sdk/auth + @hm-sdk/client');
    const size = await measureBundle(bundle?.specifiers ?? [], resolveDir);
    const bytes = (bundle?.scenarios ?? []).map((scenario) => scenarioGzipBytes(size, scenario));

    expect(bytes).toHaveLength(3);
    expect(bytes[0]).toBe(size.gzipBytes);
    expect(bytes[1]).toBeGreaterThan(bytes[0] ?? 0);
    expect(bytes[2]).toBeGreaterThan(bytes[1] ?? 0);
    expect(() => scenarioGzipBytes(size, { label: 'x', chunks: ['missing.js'] })).toThrow(
      'No on-demand chunk ends with missing.js',
    );
  });
});
