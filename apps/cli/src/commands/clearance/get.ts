import type { Clearance } from '@hm-sdk/openapi';
import {
  connectionOptions,
  connectionOptionsHelp,
  outputOptions,
  outputOptionsHelp,
  runCommand,
} from '../../command.js';
import { withClient } from '../../connection/lazy.js';
import { withApiHint } from '../../errors.js';
import { formatTags, renderFields, renderTable, styleStatus } from '../../format/table.js';
import type { Output } from '../../output.js';
import { parseVin } from '../../validation.js';

const help = `Usage: hm clearance get <vin>

Shows the clearance of one vehicle: its brand, status, tags and every status change.

${connectionOptionsHelp}

${outputOptionsHelp}`;

const options = { ...outputOptions, ...connectionOptions } as const;

/** Prints a clearance as fields followed by its history. */
export function printClearance(output: Output, clearance: Clearance): void {
  const { style } = output;
  output.out(
    renderFields(
      [
        ['VIN', clearance.vin],
        ['brand', clearance.brand ?? '-'],
        ['status', styleStatus(clearance.status, style)],
        ['tags', formatTags(clearance.tags)],
      ],
      style,
    ),
  );
  const history = clearance.changelog ?? [];
  if (history.length === 0) return;
  const rows = history.map((entry) => [
    style.dim(entry.timestamp),
    styleStatus(entry.status, style),
    entry.reason ?? '',
  ]);
  output.out(`\n${renderTable(['TIME', 'STATUS', 'REASON'], rows, style)}`);
}

/** The next step printed with a 404 for a VIN that has no clearance. */
export const notFoundHint = (vin: string) =>
  `Request one with \`hm clearance request ${vin} --brand <brand>\`, or check the VIN with \`hm clearance list\`.`;

/** Runs `hm clearance get`. */
export function run(argv: string[]): Promise<number> {
  const spec = {
    name: 'clearance get',
    help,
    options,
    positionals: { min: 1, max: 1, names: 'a VIN' },
  };
  return runCommand(argv, spec, async ({ values, positionals, output }) => {
    const vin = parseVin(positionals[0] ?? '');
    const clearance = await withClient(values, output, ({ client }) =>
      client.getClearance(vin).catch((error: unknown) => {
        throw withApiHint(error, [404], notFoundHint(vin));
      }),
    );
    if (output.json) output.printJson(clearance);
    else printClearance(output, clearance);
    return 0;
  });
}
