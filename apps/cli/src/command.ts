import { type ParseArgsConfig, parseArgs } from 'node:util';
import { reportError, usageError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { createOutput, type Output } from './output.js';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Parsed option values for an options config, typed as `node:util` `parseArgs` returns them. */
export type OptionValues<O extends OptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>['values'];

/** Options every command accepts. */
export const outputOptions = {
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Options that select the API and the credentials, read by `connect` in `connection/connect.ts`. */
export const connectionOptions = {
  env: { type: 'string' },
  profile: { type: 'string' },
  credentials: { type: 'string' },
  'client-id': { type: 'string' },
  'private-key-id': { type: 'string' },
  'private-key-file': { type: 'string' },
} as const;

type OutputFlags = { json?: boolean; debug?: boolean; help?: boolean };

/** Help lines for {@link outputOptions}. */
export const outputOptionsHelp = `Output options:
  --json                 print one JSON document on stdout (errors go to stderr as JSON)
  --debug                print requests, timings and stack traces on stderr (never secrets)
  -h, --help             show this help`;

/** Help lines for {@link connectionOptions}. */
export const connectionOptionsHelp = `Connection options:
  --env <name|url>       sandbox (default), production, mock (an in-process mock) or a base URL
  --credentials <file>   the credentials JSON downloaded from the High Mobility console
  --profile <name>       a profile saved with \`hm config\` (default: the current profile)
  --client-id <id>       OAuth client id
  --private-key-id <id>  id of the private key
  --private-key-file <path>
                         EC P-256 private key (PEM); secrets are never accepted as flags`;

/** Parsing rules and help text of one command. */
export interface CommandSpec<O extends OptionsConfig> {
  /** Full command name, such as `clearance list`. */
  name: string;
  /** Help text printed by `--help`. */
  help: string;
  options: O;
  /** Minimum and maximum number of positional arguments; a `max` of `Infinity` allows any number. */
  positionals: { min: number; max: number; names: string };
}

/** Input of a command handler: parsed options, positional arguments and the output. */
export interface CommandInput<O extends OptionsConfig> {
  values: OptionValues<O>;
  positionals: string[];
  output: Output;
}

/**
 * Keeps the first sentence of a `parseArgs` error. Node appends a hint about passing a
 * positional that starts with `-` after `--`, which is rarely what the user meant.
 */
function describeParseError(error: unknown): string {
  const message = (error as Error).message;
  const unknownOption = message.match(/^Unknown option '([^']+)'/);
  if (unknownOption) return `Unknown option '${unknownOption[1]}'.`;
  return message.endsWith('.') ? message : `${message}.`;
}

function parse<O extends OptionsConfig>(argv: string[], spec: CommandSpec<O>) {
  let parsed: { values: OptionValues<O>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: spec.options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(
      `${describeParseError(error)} Run \`hm ${spec.name} --help\` for the options.`,
    );
  }
  const count = parsed.positionals.length;
  const { min, max, names } = spec.positionals;
  if (!(parsed.values as OutputFlags).help && count < min) {
    throw usageError(
      `Missing argument: \`hm ${spec.name}\` expects ${names}. Run \`hm ${spec.name} --help\` for usage.`,
    );
  }
  if (count > max) {
    const extra = parsed.positionals.slice(max).join(' ');
    throw usageError(
      `Unexpected argument "${extra}" for \`hm ${spec.name}\`. Run \`hm ${spec.name} --help\` for usage.`,
    );
  }
  return parsed;
}

/**
 * Parses the arguments of a command, prints its help for `--help`, runs the handler and turns any
 * thrown error into a message and an exit code.
 */
export async function runCommand<O extends OptionsConfig>(
  argv: string[],
  spec: CommandSpec<O>,
  handler: (input: CommandInput<O>) => Promise<number | undefined>,
): Promise<number> {
  // The output flags are read before parsing, so a usage error is reported as JSON under --json.
  let output = createOutput({ json: argv.includes('--json'), debug: argv.includes('--debug') });
  try {
    const { values, positionals } = parse(argv, spec);
    const flags = values as OutputFlags;
    output = createOutput({ json: flags.json === true, debug: flags.debug === true });
    if (flags.help === true) {
      output.out(spec.help);
      return ExitCode.Success;
    }
    return (await handler({ values, positionals, output })) ?? ExitCode.Success;
  } catch (error) {
    return reportError(error, output);
  }
}
