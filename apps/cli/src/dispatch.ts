import { reportError, usageError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { createOutput } from './output.js';

/** A command with subcommands, such as `hm clearance`. */
export interface CommandGroup {
  name: string;
  help: string;
  subcommands: Record<string, () => Promise<{ run(argv: string[]): Promise<number> }>>;
}

/** Runs the subcommand named by the first argument, loading only its module. */
export async function runSubcommand(argv: string[], group: CommandGroup): Promise<number> {
  const [name, ...rest] = argv;
  const output = createOutput({ json: argv.includes('--json') });
  if (name === undefined) {
    output.err(group.help);
    return ExitCode.Usage;
  }
  if (name === '--help' || name === '-h') {
    output.out(group.help);
    return ExitCode.Success;
  }
  const load = Object.hasOwn(group.subcommands, name) ? group.subcommands[name] : undefined;
  if (load === undefined) {
    const known = Object.keys(group.subcommands).join(', ');
    return reportError(
      usageError(
        `Unknown subcommand "${name}" for \`hm ${group.name}\`. Use one of: ${known}. ` +
          `Run \`hm ${group.name} --help\` for usage.`,
      ),
      output,
    );
  }
  const module = await load();
  return module.run(rest);
}
