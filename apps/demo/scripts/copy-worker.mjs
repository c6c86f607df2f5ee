// Copies the msw service worker script that @hm-sdk/mock-server ships into public/, so that Vite
// serves it at the page's root and the worker's scope covers the whole demo. The copy is
// generated on every dev and build run, so git ignores it.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const demoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(demoRoot, 'package.json'));
const target = join(demoRoot, 'public', 'mockServiceWorker.js');

let source;
try {
  // The mock ships the script of the msw version its setupWorker uses. msw checks the script's
  // checksum when the worker starts and warns when the two differ.
  source = require.resolve('@hm-sdk/mock-server/mockServiceWorker.js');
} catch (error) {
  console.error(
    "Could not find @hm-sdk/mock-server/mockServiceWorker.js. Build the demo's dependencies " +
      'first: pnpm turbo run build --filter=@hm-sdk/demo^...',
  );
  throw error;
}

mkdirSync(dirname(target), { recursive: true });
copyFileSync(source, target);
console.log(`Copied the msw worker script to ${target}`);
