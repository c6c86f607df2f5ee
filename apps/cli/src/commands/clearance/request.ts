import type { ClearanceRequestOutcome, HmClient } from '@hm-sdk/client';
import type { ClearanceRequestVehicle } from '@hm-sdk/openapi';
import {
  connectionOptions,
  connectionOptionsHelp,
  outputOptions,
  outputOptionsHelp,
  runCommand,
} from '../../command.js';
import { withClient } from '../../connection/lazy.js';
import { CliError, usageError } from '../../errors.js';
import { ExitCode } from '../../exit-codes.js';
import { readFleetFile } from '../../fleet-file.js';
import { formatTags, renderTable, styleStatus } from '../../format/table.js';
import type { Output } from '../../output.js';
import { renderBar, startProgress } from '../../progress.js';
import { clearanceBrands, parseTag } from '../../validation.js';
import { buildVehicles } from './vehicles.js';

const DEFAULT_BATCH_SIZE = 100;

const help = `Usage: hm clearance request <vin...> --brand <brand> [--tag key=value]...
       hm clearance request --file <fleet.csv|fleet.json|-> [--brand <brand>]

Requests fleet clearance for one or more vehicles. Each vehicle starts as pending until the
manufacturer approves or rejects it; follow it with \`hm clearance wait <vin>\`.

Options:
  --brand <brand>        brand of every vehicle without its own brand in the file, one of:
                         ${clearanceBrands.join(', ')}
  --file <path>          read vehicles from a file; "-" reads stdin
                           CSV: a header row with vin and optional brand, tags
                           (key=value;key=value) and tag.<key> columns, or rows of vin,brand
                           JSON: ["VIN", ...] or [{"vin", "brand", "tags"}, ...], bare or
                           as {"vehicles": [...]}
  --tag <key=value>      tag every requested vehicle (repeatable)
  --batch-size <n>       vehicles per API request (default ${DEFAULT_BATCH_SIZE})

Exits with 1 when any vehicle is not accepted (status error, or failed when its batch got
no response).

${connectionOptionsHelp}

${outputOptionsHelp}`;

const options = {
  ...outputOptions,
  ...connectionOptions,
  brand: { type: 'string' },
  file: { type: 'string' },
  tag: { type: 'string', multiple: true },
  'batch-size': { type: 'string' },
} as const;

function parseBatchSize(value: string | undefined): number {
  if (value === undefined) return DEFAULT_BATCH_SIZE;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1) {
    throw usageError(`Invalid --batch-size "${value}": use a whole number of at least 1.`);
  }
  return size;
}

/** The outcome for one vehicle as the CLI prints it: a batch failure becomes `failed`. */
interface RequestRow {
  vin: string;
  brand: string | undefined;
  status: string;
  description?: string;
  tags?: Record<string, string>;
}

async function requestAll(
  client: HmClient,
  vehicles: ClearanceRequestVehicle[],
  batchSize: number,
  output: Output,
): Promise<ClearanceRequestOutcome[]> {
  const label = 'Requesting clearance';
  const progress = startProgress(output, `${label} ${renderBar(0, vehicles.length)}`);
  try {
    const result = await client.requestClearance(vehicles, {
      batchSize,
      onProgress: ({ completed, total }) =>
        progress.update(`${label} ${renderBar(completed, total)}`),
    });
    return result.vehicles;
  } finally {
    progress.stop();
  }
}

function toRow(outcome: ClearanceRequestOutcome, brands: Map<string, string>): RequestRow {
  const row: RequestRow = {
    vin: outcome.vin,
    brand: brands.get(outcome.vin),
    status: outcome.status,
  };
  if ('error' in outcome) row.description = outcome.error.message;
  else {
    if (outcome.description !== undefined) row.description = outcome.description;
    if (outcome.tags !== undefined) row.tags = outcome.tags;
  }
  return row;
}

function countByStatus(rows: RequestRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
  return counts;
}

function printResults(output: Output, rows: RequestRow[]) {
  const { style } = output;
  const cells = rows.map((row) => [
    row.vin,
    row.brand ?? '-',
    styleStatus(row.status, style),
    row.description ?? formatTags(row.tags),
  ]);
  output.out(renderTable(['VIN', 'BRAND', 'STATUS', 'DETAIL'], cells, style));
  const counts = Object.entries(countByStatus(rows)).map(([status, count]) => `${count} ${status}`);
  output.out(`\nRequested clearance for ${rows.length} vehicle(s): ${counts.join(', ')}.`);
}

/** Runs `hm clearance request`. */
export function run(argv: string[]): Promise<number> {
  const spec = {
    name: 'clearance request',
    help,
    options,
    positionals: { min: 0, max: Number.POSITIVE_INFINITY, names: 'VINs or --file' },
  };
  return runCommand(argv, spec, async ({ values, positionals, output }) => {
    if (positionals.length === 0 && values.file === undefined) {
      throw usageError(
        'Missing vehicles: pass one or more VINs, or --file with a CSV or JSON list.',
      );
    }
    const fromArgs = positionals.map((vin, index) => ({
      vin,
      brand: undefined,
      tags: {},
      where: `argument ${index + 1}`,
    }));
    const fromFile = values.file === undefined ? [] : await readFleetFile(values.file);
    const tags = Object.fromEntries((values.tag ?? []).map((tag) => parseTag(tag, '--tag')));
    const vehicles = buildVehicles([...fromArgs, ...fromFile], values.brand, tags);
    if (vehicles.length === 0) throw usageError(`The fleet file ${values.file} lists no vehicles.`);
    const batchSize = parseBatchSize(values['batch-size']);

    const outcomes = await withClient(values, output, ({ client }) =>
      requestAll(client, vehicles, batchSize, output),
    );
    // When no batch got a response, the cause (credentials, network) decides the exit code.
    const firstFailure = outcomes.find((outcome) => 'error' in outcome);
    if (
      firstFailure &&
      'error' in firstFailure &&
      outcomes.every((outcome) => 'error' in outcome)
    ) {
      throw firstFailure.error;
    }
    const brands = new Map(vehicles.map((vehicle) => [vehicle.vin, vehicle.brand as string]));
    const rows = outcomes.map((outcome) => toRow(outcome, brands));
    if (output.json) output.printJson({ vehicles: rows, counts: countByStatus(rows) });
    else printResults(output, rows);
    const rejected = rows.filter((row) => row.status === 'error' || row.status === 'failed').length;
    if (rejected > 0) {
      throw new CliError(
        `${rejected} of ${rows.length} vehicle(s) were not accepted (status error or failed); ` +
          'fix or retry them and request them again.',
        ExitCode.Api,
      );
    }
    return 0;
  });
}
