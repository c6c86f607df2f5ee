import { fileURLToPath } from 'node:url';
import { definePackageConfig } from '@hm-sdk/vitest-config';

// The README example imports the package by name, so that name points at the sources under test.
export default definePackageConfig({
  resolve: {
    alias: [
      {
        find: /^@hm-sdk\/auth\/node$/,
        replacement: fileURLToPath(new URL('./src/node/index.ts', import.meta.url)),
      },
      {
        find: /^@hm-sdk\/auth$/,
        replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      },
    ],
  },
});
