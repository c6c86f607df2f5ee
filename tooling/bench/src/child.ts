import { spawn } from 'node:child_process';

/** Options of {@link runNode}. */
export interface RunNodeOptions {
  cwd: string;
  /** Variables added to this process's environment. */
  env?: Record<string, string>;
  /** Time after which the child is killed with SIGKILL, in milliseconds; no limit when omitted. */
  timeoutMs?: number;
  /** Receives stderr as it arrives. */
  onStderr?: (chunk: string) => void;
  /** How many characters of stderr to keep, from the end; default 4,000. */
  stderrLimit?: number;
}

/** Exit status and output of a finished child process. */
export interface NodeOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  /** The end of stderr, at most `stderrLimit` characters. */
  stderr: string;
}

/** Runs `node ...args` in a child process and collects its output; rejects only if it cannot start. */
export function runNode(args: readonly string[], options: RunNodeOptions): Promise<NodeOutcome> {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderrLimit = options.stderrLimit ?? 4000;
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-stderrLimit);
    options.onStderr?.(chunk);
  });

  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
            // A grandchild that inherited the pipes would otherwise hold 'close' back.
            child.stdout.destroy();
            child.stderr.destroy();
          }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, stdout, stderr });
    });
  });
}
