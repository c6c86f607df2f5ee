#!/usr/bin/env node
import { run } from './main.js';

// A reader that goes away early (`hm clearance list | head -1`) closes the pipe. That ends the
// output, not the command's success, so it exits quietly instead of with an EPIPE stack trace.
// The same holds for stderr, which `2>&1 | tee log` sends to the same pipe. Listeners on
// process 'exit' still run, so `hm mock serve` deletes its key file there.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  // Commands report their own errors; this catches a failure to load one.
  const debug = process.argv.includes('--debug');
  const detail = debug && error instanceof Error ? error.stack : String(error);
  process.stderr.write(`Error: the command failed unexpectedly: ${detail}\n`);
  process.exitCode = 1;
}
