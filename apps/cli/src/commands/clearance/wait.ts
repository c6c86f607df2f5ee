import type { HmClient } from '@hm-sdk/client';
import type { Clearance, ClearanceRecordStatus } from '@hm-sdk/openapi';
import {
  connectionOptions,
  connectionOptionsHelp,
  outputOptions,
  outputOptionsHelp,
  runCommand,
} from '../../command.js';
import { withClient } from '../../connection/lazy.js';
import { parseDuration } from '../../durations.js';
import { CliError, usageError, withApiHint } from '../../errors.js';
import { ExitCode } from '../../exit-codes.js';
import type { Output } from '../../output.js';
import { startProgress } from '../../progress.js';
import { clearanceStatuses, parseStatus, parseVin } from '../../validation.js';
import { notFoundHint, printClearance } from './get.js';

const help = `Usage: hm clearance wait <vin> [--until <status>] [--timeout <duration>]

Polls a clearance until it reaches a status. Stops early with exit code 1 when the clearance
reaches a status from which the requested one cannot follow (for example rejected while waiting
for approved), and with exit code 4 when the timeout passes.

Options:
  --until <status>       the status to wait for (default approved): ${clearanceStatuses.join(', ')}
  --timeout <duration>   how long to wait, such as 90s, 10m or 2h (default 10m)
  --interval <duration>  time between two polls (default 2s)

${connectionOptionsHelp}

${outputOptionsHelp}`;

const options = {
  ...outputOptions,
  ...connectionOptions,
  until: { type: 'string' },
  timeout: { type: 'string' },
  interval: { type: 'string' },
} as const;

/** Shortest time between two polls, in milliseconds. */
const MIN_INTERVAL_MS = 100;

// Statuses that can still follow each status: a pending clearance is approved or rejected, and a
// delete moves approved ones through revoking to revoked and pending ones through canceling to
// canceled. Rejected, revoked and canceled are final until the vehicle is requested again.
const reachable: Record<ClearanceRecordStatus, readonly ClearanceRecordStatus[]> = {
  pending: ['approved', 'rejected', 'revoking', 'revoked', 'canceling', 'canceled'],
  approved: ['revoking', 'revoked'],
  revoking: ['revoked'],
  canceling: ['canceled'],
  rejected: [],
  revoked: [],
  canceled: [],
};

interface WaitSettings {
  vin: string;
  until: ClearanceRecordStatus;
  timeoutMs: number;
  intervalMs: number;
}

function formatSeconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}

function unreachable(settings: WaitSettings, clearance: Clearance): CliError {
  const reason = clearance.changelog?.at(-1)?.reason;
  return new CliError(
    `The clearance of ${settings.vin} is ${clearance.status}${reason ? ` (${reason})` : ''} and ` +
      `can no longer become ${settings.until}. Check it with \`hm clearance get ${settings.vin}\`.`,
    ExitCode.Api,
  );
}

/** Rewrites the client's wait errors in terms of the CLI's options. */
function translateWaitError(error: unknown, settings: WaitSettings): unknown {
  const code = (error as { code?: unknown })?.code;
  if (code === 'ERR_CLIENT_CLEARANCE_WAIT_TIMEOUT') {
    const lastStatus = (error as { lastStatus?: string }).lastStatus ?? 'unknown';
    return new CliError(
      `Timed out after ${formatSeconds(settings.timeoutMs)} waiting for the clearance of ` +
        `${settings.vin} to become ${settings.until}: it is still ${lastStatus}. Raise --timeout, ` +
        `or check later with \`hm clearance get ${settings.vin}\`.`,
      ExitCode.Network,
      { cause: error },
    );
  }
  if (code === 'ERR_CLIENT_CLEARANCE_SETTLED') {
    return new CliError((error as Error).message, ExitCode.Api, { cause: error });
  }
  return withApiHint(error, [404], notFoundHint(settings.vin));
}

async function waitFor(client: HmClient, settings: WaitSettings, output: Output) {
  const { vin, until } = settings;
  const started = Date.now();
  let status = 'unknown';
  const progress = startProgress(
    output,
    () =>
      `Waiting for ${vin} to become ${until}: ${status} (${formatSeconds(Date.now() - started)})`,
  );
  // Aborting with an error of our own makes the client's wait reject with that error.
  const controller = new AbortController();
  try {
    return await client.waitForClearance(vin, {
      until,
      timeoutMs: settings.timeoutMs,
      intervalMs: settings.intervalMs,
      signal: controller.signal,
      onChange: (clearance) => {
        status = clearance.status;
        output.log(`${vin} is ${status} after ${formatSeconds(Date.now() - started)}`);
        if (status !== until && !reachable[clearance.status].includes(until)) {
          controller.abort(unreachable(settings, clearance));
        }
      },
    });
  } catch (error) {
    throw translateWaitError(error, settings);
  } finally {
    progress.stop();
  }
}

/** Runs `hm clearance wait`. */
export function run(argv: string[]): Promise<number> {
  const spec = {
    name: 'clearance wait',
    help,
    options,
    positionals: { min: 1, max: 1, names: 'a VIN' },
  };
  return runCommand(argv, spec, async ({ values, positionals, output }) => {
    const settings: WaitSettings = {
      vin: parseVin(positionals[0] ?? ''),
      until: values.until === undefined ? 'approved' : parseStatus(values.until, '--until'),
      timeoutMs: parseDuration(values.timeout ?? '10m', '--timeout'),
      intervalMs: parseDuration(values.interval ?? '2s', '--interval'),
    };
    if (settings.intervalMs < MIN_INTERVAL_MS) {
      throw usageError(
        `Invalid --interval "${values.interval}": use at least ${MIN_INTERVAL_MS}ms between polls, ` +
          'because the API limits how often a clearance may be read.',
      );
    }
    const started = Date.now();
    const clearance = await withClient(values, output, ({ client }) =>
      waitFor(client, settings, output),
    );
    if (output.json) {
      output.printJson(clearance);
      return 0;
    }
    printClearance(output, clearance);
    output.out(`\nReached ${settings.until} after ${formatSeconds(Date.now() - started)}.`);
    return 0;
  });
}
