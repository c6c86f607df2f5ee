import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';
import { expect, it } from 'vitest';
import { resolveWorkerScriptPath } from '../src/node/worker-script.js';

it('resolves the worker script of the installed msw', async () => {
  const path = resolveWorkerScriptPath();
  const script = await readFile(path, 'utf8');
  const { version } = createRequire(import.meta.url)('msw/package.json') as { version: string };

  expect(isAbsolute(path)).toBe(true);
  expect(path.endsWith('mockServiceWorker.js')).toBe(true);
  expect(script).toContain(`const PACKAGE_VERSION = '${version}'`);
});
