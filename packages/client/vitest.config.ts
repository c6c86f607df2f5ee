import { definePackageConfig } from '@hm-sdk/vitest-config';

export default definePackageConfig({
  test: {
    // Type-level tests in test/*.test-d.ts run with tsc as part of `vitest run`.
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.test-d.json',
    },
  },
});
