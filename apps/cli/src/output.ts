/** Options of {@link createOutput}, taken from the global `--json` and `--debug` flags. */
export interface OutputOptions {
  json?: boolean;
  debug?: boolean;
}

/** ANSI styles that return the text unchanged when colour is off. */
export interface Styles {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

/** Writes to stdout and stderr; the only place the CLI touches the terminal. */
export interface Output {
  /** Whether `--json` was given: stdout carries one JSON document and nothing else. */
  readonly json: boolean;
  /** Whether `--debug` was given: stderr gets diagnostic lines and stack traces. */
  readonly debug: boolean;
  /** Whether ANSI colour may be used on stdout. */
  readonly color: boolean;
  /** Whether stderr is a terminal, so progress indicators may be drawn on it. */
  readonly interactive: boolean;
  /** Styles for text written to stdout. */
  readonly style: Styles;
  /** Styles for text written to stderr. */
  readonly errStyle: Styles;
  out(text: string): void;
  err(text: string): void;
  /** Prints a value as indented JSON on stdout. */
  printJson(value: unknown): void;
  /** Prints a `debug:` line on stderr when `--debug` is on; never pass a secret. */
  log(message: string): void;
}

/**
 * Reports whether colour is allowed on a stream: it must be a terminal, `NO_COLOR` must be unset
 * or empty (see https://no-color.org) and `TERM` must not be `dumb`.
 */
export function colorAllowed(stream: { isTTY?: boolean }, env = process.env): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

function ansi(open: number, close: number, enabled: boolean) {
  return (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
}

/** Creates the ANSI styles, or pass-through functions when `enabled` is false. */
export function createStyles(enabled: boolean): Styles {
  return {
    bold: ansi(1, 22, enabled),
    dim: ansi(2, 22, enabled),
    red: ansi(31, 39, enabled),
    green: ansi(32, 39, enabled),
    yellow: ansi(33, 39, enabled),
    cyan: ansi(36, 39, enabled),
  };
}

/** Creates the terminal output, honouring `NO_COLOR` and whether each stream is a terminal. */
export function createOutput(options: OutputOptions = {}): Output {
  const color = colorAllowed(process.stdout);
  const debug = options.debug === true;
  return {
    json: options.json === true,
    debug,
    color,
    interactive: process.stderr.isTTY === true,
    style: createStyles(color),
    errStyle: createStyles(colorAllowed(process.stderr)),
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    printJson: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    log: (message) => {
      if (debug) process.stderr.write(`debug: ${message}\n`);
    },
  };
}
