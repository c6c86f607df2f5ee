import { definePackageConfig } from '@hm-sdk/vitest-config';

export default definePackageConfig({
  test: {
    // The test files spend most of their time waiting for CLI subprocesses, so one worker per
    // CPU (instead of vitest's default of one fewer) keeps the CPUs busy.
    maxWorkers: '100%',
  },
});
