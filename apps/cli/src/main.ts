import { ExitCode, exitCodeHelp } from './exit-codes.js';
import { createOutput } from './output.js';

/** A command module, loaded only when its name is on the command line. */
interface CommandModule {
  run(argv: string[]): Promise<number>;
}

interface CommandEntry {
  summary: string;
  load: () => Promise<CommandModule>;
}

// Each entry imports its module on demand, so `hm --help` loads none of the SDK packages.
const commands: Record<string, CommandEntry> = {
  token: {
    summary: 'Get an access token and show its expiry and scopes',
    load: () => import('./commands/token.js'),
  },
  eligibility: {
    summary: 'Check whether a vehicle can deliver data',
    load: () => import('./commands/eligibility.js'),
  },
  clearance: {
    summary: 'Request, list, show, delete and wait for fleet clearances',
    load: () => import('./commands/clearance/index.js'),
  },
  'vehicle-data': {
    summary: 'Read the latest data of a cleared vehicle',
    load: () => import('./commands/vehicle-data.js'),
  },
  mock: {
    summary: 'Serve the mock API on 127.0.0.1 for any HTTP client',
    load: () => import('./commands/mock.js'),
  },
  quickstart: {
    summary: 'Run the whole flow against an embedded mock, without credentials',
    load: () => import('./commands/quickstart.js'),
  },
  config: {
    summary: 'Manage named profiles of environment and credentials',
    load: () => import('./commands/config/index.js'),
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(
    ([name, { summary }]) => `  ${name.padEnd(width)}  ${summary}`,
  );
  return [
    'hm: a command line for the High Mobility API',
    '',
    'Usage: hm <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Environment variables:',
    '  HM_ENV, HM_BASE_URL             sandbox, production, mock or a base URL (like --env)',
    '  HM_CLIENT_ID, HM_CLIENT_SECRET  OAuth client credentials',
    '  HM_PRIVATE_KEY_ID               id of the private key',
    '  HM_PRIVATE_KEY, HM_PRIVATE_KEY_FILE',
    '                                  the EC P-256 private key (PEM), or the path of its file',
    '  HM_PROFILE                      the profile to use (like --profile)',
    '  NO_COLOR                        turn colour off',
    '',
    'Exit codes:',
    exitCodeHelp,
    '',
    'Run `hm <command> --help` for the options of a command.',
  ].join('\n');
}

/** Reads the CLI's version from its package.json, only for `--version`. */
async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const manifest = JSON.parse(
    await readFile(new URL('../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return manifest.version;
}

/**
 * Runs the `hm` command line and resolves to the process exit code.
 *
 * @param argv - the arguments after the executable and script path
 */
export async function run(argv: string[]): Promise<number> {
  const output = createOutput();
  const [name, ...rest] = argv;
  if (name === undefined) {
    output.err(usage());
    return ExitCode.Usage;
  }
  if (name === '--help' || name === '-h') {
    output.out(usage());
    return ExitCode.Success;
  }
  if (name === '--version' || name === '-v') {
    output.out(await version());
    return ExitCode.Success;
  }
  // `hm help <command>` is the same as `hm <command> --help`.
  const target = name === 'help' ? rest[0] : name;
  if (target === undefined) {
    output.out(usage());
    return ExitCode.Success;
  }
  const command = commands[target];
  if (command === undefined) {
    const known = Object.keys(commands).join(', ');
    output.err(
      `Error: Unknown command "${target}". Use one of: ${known}. Run \`hm --help\` for usage.`,
    );
    return ExitCode.Usage;
  }
  const module = await command.load();
  return module.run(name === 'help' ? ['--help'] : rest);
}
