import { ExitCode, type ExitCodeValue } from './exit-codes.js';
import type { Output } from './output.js';

/** Category of a failure, as printed in `--json` error output. */
export type ErrorKind = 'api' | 'usage' | 'auth' | 'network';

const kindByExitCode: Record<ExitCodeValue, ErrorKind> = {
  [ExitCode.Success]: 'api',
  [ExitCode.Api]: 'api',
  [ExitCode.Usage]: 'usage',
  [ExitCode.Auth]: 'auth',
  [ExitCode.Network]: 'network',
};

/** An error whose message is written for the person at the terminal, with its exit code. */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode: ExitCodeValue;

  constructor(message: string, exitCode: ExitCodeValue, options?: { cause?: unknown }) {
    super(message, options);
    this.exitCode = exitCode;
  }
}

/** Creates a usage error (exit code 2): a bad option, argument or value. */
export function usageError(message: string): CliError {
  return new CliError(message, ExitCode.Usage);
}

// Next steps that a command attaches to API errors from its own context, printed after the
// error's own message and request id.
const hints = new WeakMap<object, string>();

/**
 * Attaches a next step to an API error with one of the given HTTP statuses, and returns the error
 * for rethrowing. Other errors are returned unchanged.
 */
export function withApiHint(error: unknown, statuses: number[], hint: string): unknown {
  if (isApiError(error) && statuses.includes(error.status) && !hints.has(error)) {
    hints.set(error, hint);
  }
  return error;
}

/** Description of a failure: the printed message, the exit code and the API details. */
export interface ErrorReport {
  exitCode: ExitCodeValue;
  kind: ErrorKind;
  message: string;
  /** HTTP status, for API errors. */
  status?: number;
  /** The API's request id, for API errors that carried one. */
  requestId?: string;
}

interface ApiErrorShape {
  code: 'ERR_CLIENT_API';
  status: number;
  message: string;
  operation: string;
  errors: Array<{ title: string; detail?: string }>;
  requestId?: string | undefined;
}

// Errors are recognised by their stable `code` rather than by class, so reporting an error does
// not load the auth or client package on commands that never use them.
function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function isApiError(error: unknown): error is ApiErrorShape {
  return errorCode(error) === 'ERR_CLIENT_API';
}

function describeAuthError(error: Error & { status?: number }, code: string): ErrorReport {
  const status = error.status;
  switch (code) {
    case 'ERR_AUTH_NETWORK':
    case 'ERR_AUTH_TIMEOUT':
      return { exitCode: ExitCode.Network, kind: 'network', message: error.message };
    case 'ERR_AUTH_UNEXPECTED_RESPONSE':
      return { exitCode: ExitCode.Api, kind: 'api', message: error.message };
    case 'ERR_AUTH_OAUTH':
      // 429 and 5xx from the token endpoint are server trouble, not rejected credentials.
      if (status !== undefined && (status === 429 || status >= 500)) {
        return { exitCode: ExitCode.Api, kind: 'api', message: error.message, status };
      }
      return { exitCode: ExitCode.Auth, kind: 'auth', message: error.message };
    default:
      return { exitCode: ExitCode.Auth, kind: 'auth', message: error.message };
  }
}

function describeApiError(error: ApiErrorShape): ErrorReport {
  const exitCode = error.status === 401 ? ExitCode.Auth : ExitCode.Api;
  const hint = hints.get(error);
  // The client's message ends with a generic fix; a command's own next step replaces it.
  const reasons = error.errors.map((item) =>
    item.detail ? `${item.title}: ${item.detail}` : item.title,
  );
  const message =
    hint === undefined
      ? error.message
      : `${error.operation} failed with HTTP ${error.status}: ${reasons.join('; ') || 'no details'}.` +
        `${error.requestId ? ` Request id: ${error.requestId}.` : ''} ${hint}`;
  const report: ErrorReport = {
    exitCode,
    kind: kindByExitCode[exitCode],
    message,
    status: error.status,
  };
  if (error.requestId !== undefined) report.requestId = error.requestId;
  return report;
}

function describeClientError(error: Error, code: string): ErrorReport {
  switch (code) {
    case 'ERR_CLIENT_NETWORK':
    case 'ERR_CLIENT_TIMEOUT':
    case 'ERR_CLIENT_ABORTED':
      return { exitCode: ExitCode.Network, kind: 'network', message: error.message };
    case 'ERR_CLIENT_INVALID_VIN':
      return { exitCode: ExitCode.Usage, kind: 'usage', message: error.message };
    default:
      return { exitCode: ExitCode.Api, kind: 'api', message: error.message };
  }
}

// Node's fetch rejects with `TypeError: fetch failed` and puts the socket error in `cause`.
function networkFailure(error: unknown): string | undefined {
  if (!(error instanceof TypeError)) return undefined;
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  if (typeof cause?.code === 'string') return `${cause.code}: ${String(cause.message)}`;
  return error.message === 'fetch failed' ? error.message : undefined;
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown })?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/** Maps any thrown value to the message and exit code the CLI reports. */
export function describeError(error: unknown): ErrorReport {
  if (error instanceof CliError) {
    return {
      exitCode: error.exitCode,
      kind: kindByExitCode[error.exitCode],
      message: error.message,
    };
  }
  if (isApiError(error)) return describeApiError(error);
  const code = errorCode(error);
  if (code?.startsWith('ERR_AUTH_')) return describeAuthError(error as Error, code);
  if (code?.startsWith('ERR_CLIENT_')) return describeClientError(error as Error, code);
  const failure = networkFailure(error);
  if (failure !== undefined) {
    return {
      exitCode: ExitCode.Network,
      kind: 'network',
      message: `Could not reach the API (${failure}). Check the network and the --env value.`,
    };
  }
  if (isTimeout(error)) {
    return {
      exitCode: ExitCode.Network,
      kind: 'network',
      message:
        'The request timed out or was aborted. Check the network and the --env URL, then try again.',
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    exitCode: ExitCode.Api,
    kind: 'api',
    message: `Unexpected error: ${message}. Run the command again with --debug for details.`,
  };
}

function causeChain(error: unknown): string[] {
  const lines: string[] = [];
  let cause = (error as { cause?: unknown })?.cause;
  for (let depth = 0; cause !== undefined && depth < 5; depth += 1) {
    lines.push(`caused by: ${cause instanceof Error ? cause.message : String(cause)}`);
    cause = (cause as { cause?: unknown }).cause;
  }
  return lines;
}

/**
 * Prints a failure on stderr, as text or as a JSON object under `--json`, and returns the exit
 * code. The stack trace and causes are printed only with `--debug`.
 */
export function reportError(error: unknown, output: Output): ExitCodeValue {
  const report = describeError(error);
  if (output.json) {
    output.err(JSON.stringify({ error: report }));
  } else {
    output.err(`${output.errStyle.red('Error:')} ${report.message}`);
  }
  if (output.debug && error instanceof Error) {
    output.err(error.stack ?? error.message);
    for (const line of causeChain(error)) output.err(line);
  }
  return report.exitCode;
}
