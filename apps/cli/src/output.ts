/** Writes to stdout and stderr; the only place the CLI touches the terminal. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** Whether ANSI colour may be used on stdout. */
  readonly color: boolean;
}

/** Creates the terminal output, honouring `NO_COLOR` and whether stdout is a terminal. */
export function createOutput(): Output {
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  return {
    color,
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  };
}
