import { definePackageConfig } from '@hm-sdk/vitest-config';

export default definePackageConfig({
  test: {
    // Packs every public package once; the manifest checks and the smoke test share the tarballs.
    globalSetup: ['./test/global-setup.ts'],
  },
});
