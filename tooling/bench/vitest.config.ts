import { definePackageConfig } from '@hm-sdk/vitest-config';

export default definePackageConfig();
