import { defineConfig, mergeConfig } from 'vitest/config';

/**
 * Builds a package's vitest config from the shared preset.
 *
 * Every run writes `test-results/vitest.json`, which `tooling/scripts/tally-tests.mjs`
 * adds up into the single `N passed, N failed` line that CI prints.
 *
 * @param {import('vitest/config').UserConfig} [overrides]
 */
export function definePackageConfig(overrides = {}) {
  return mergeConfig(
    defineConfig({
      test: {
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        reporters: ['default', 'json'],
        outputFile: { json: 'test-results/vitest.json' },
        testTimeout: 20_000,
        hookTimeout: 30_000,
        typecheck: { enabled: false },
      },
    }),
    overrides,
  );
}
