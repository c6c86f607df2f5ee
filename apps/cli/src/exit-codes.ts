/** Exit codes of the `hm` command, documented in the CLI's README. */
export const ExitCode = {
  Success: 0,
  Api: 1,
  Usage: 2,
  Auth: 3,
  Network: 4,
} as const;
