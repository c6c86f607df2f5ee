import { ExitCode } from './exit-codes.js';
import { createOutput } from './output.js';

/** A command module, loaded only when its name is on the command line. */
interface CommandModule {
  run(argv: string[]): Promise<number>;
}

const commands: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  quickstart: {
    summary: 'Run the whole flow against an embedded mock: no credentials, no network',
    load: () => import('./commands/quickstart.js'),
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
    'Run `hm <command> --help` for the options of a command.',
  ].join('\n');
}

/**
 * Runs the `hm` command line and resolves to the process exit code.
 *
 * @param argv - the arguments after the executable and script path
 */
export async function run(argv: string[]): Promise<number> {
  const output = createOutput();
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    output.out(usage());
    return name === undefined ? ExitCode.Usage : ExitCode.Success;
  }
  const command = commands[name];
  if (command === undefined) {
    output.err(`Unknown command "${name}". Run \`hm --help\` for the list of commands.`);
    return ExitCode.Usage;
  }
  const module = await command.load();
  return module.run(rest);
}
