import { runSubcommand } from '../dispatch.js';

const help = `Usage: hm mock serve [--port <port>] [options]

Runs the project's mock of the High Mobility API as an HTTP server on 127.0.0.1, so that any
HTTP client (curl, Python, Java...) can be tested against it.

Run \`hm mock serve --help\` for its options.`;

/** Runs `hm mock <subcommand>`. */
export function run(argv: string[]): Promise<number> {
  return runSubcommand(argv, {
    name: 'mock',
    help,
    subcommands: { serve: () => import('./mock-serve.js') },
  });
}
