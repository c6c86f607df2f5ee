// Runs every auth benchmark in its own Node.js process. Each prints one JSON line.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

for (const script of ['warm-get-token.mjs', 'cold-concurrency.mjs', 'assertion-signing.mjs']) {
  const path = fileURLToPath(new URL(script, import.meta.url));
  execFileSync(process.execPath, [path], { stdio: 'inherit' });
}
