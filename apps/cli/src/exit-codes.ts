/** Exit codes of the `hm` command, documented in the CLI's README and in `hm --help`. */
export const ExitCode = {
  Success: 0,
  Api: 1,
  Usage: 2,
  Auth: 3,
  Network: 4,
} as const;

/** One of the values of {@link ExitCode}. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** One line per exit code, for the help text. */
export const exitCodeHelp = [
  '  0  success',
  '  1  the API returned an error, or a vehicle in a batch was not accepted',
  '  2  usage error: an unknown option, a missing argument or an invalid value',
  '  3  authentication error: missing, unreadable or rejected credentials',
  '  4  network error or timeout',
].join('\n');
