import { createRequire } from 'node:module';

/**
 * Resolves the absolute path of the service worker script (`mockServiceWorker.js`) of the msw
 * version that this package imports. Copy or serve that file for `startMockWorker`, because the
 * scripts of msw 2 and msw 3 differ, and msw warns when the script's checksum does not match its
 * own version.
 */
export function resolveWorkerScriptPath(): string {
  return createRequire(import.meta.url).resolve('msw/mockServiceWorker.js');
}
