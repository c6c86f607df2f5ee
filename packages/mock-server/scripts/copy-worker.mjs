// Copies msw's service worker script into dist/, so the package ships the worker that matches
// the msw version it was built with. Browsers load it from the page's origin.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const source = require.resolve('msw/mockServiceWorker.js');
const packageRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const target = join(packageRoot, 'dist', 'mockServiceWorker.js');

mkdirSync(dirname(target), { recursive: true });
copyFileSync(source, target);
