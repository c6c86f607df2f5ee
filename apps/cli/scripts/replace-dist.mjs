// Moves a fresh build from .build/ to dist/ with two renames. Other processes that run the CLI
// while it builds (tests, another shell) then find the old or the new dist/, never a
// missing or half-written one, and files of deleted sources do not linger in dist/.
import { chmodSync, renameSync, rmSync } from 'node:fs';

rmSync('.dist-old', { recursive: true, force: true });
try {
  renameSync('dist', '.dist-old');
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
renameSync('.build', 'dist');
chmodSync('dist/bin.js', 0o755);
rmSync('.dist-old', { recursive: true, force: true });
