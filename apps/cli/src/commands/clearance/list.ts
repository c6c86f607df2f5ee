import type { Clearance, ClearanceFilter } from '@hm-sdk/openapi';
import {
  connectionOptions,
  connectionOptionsHelp,
  outputOptions,
  outputOptionsHelp,
  runCommand,
} from '../../command.js';
import { withClient } from '../../connection/lazy.js';
import { parseSince } from '../../durations.js';
import { formatTags, renderTable, styleStatus } from '../../format/table.js';
import type { Output } from '../../output.js';
import {
  clearanceBrands,
  clearanceStatuses,
  parseBrand,
  parseStatus,
  parseTag,
  parseVin,
  splitList,
} from '../../validation.js';

const help = `Usage: hm clearance list [--status <status>] [--brand <brand>] [--vin <vin>]
                         [--tag key=value]... [--since <date|duration>]

Lists the clearances of the fleet. Every filter must match; a filter given several times (or
with comma-separated values) matches any of its values.

Options:
  --status <status>      ${clearanceStatuses.join(', ')}
  --brand <brand>        a clearance brand, such as bmw or mercedes-benz
  --vin <vin>            a VIN
  --tag <key=value>      clearances whose tags contain all the given pairs (repeatable)
  --since <when>         clearances requested at or after a date (2024-05-01, 2024-05-01T12:00:00Z)
                         or within a duration back from now (30m, 24h, 7d)

${connectionOptionsHelp}

${outputOptionsHelp}`;

const options = {
  ...outputOptions,
  ...connectionOptions,
  status: { type: 'string', multiple: true },
  brand: { type: 'string', multiple: true },
  vin: { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
  since: { type: 'string' },
} as const;

/** Builds one condition: `eq` for a single value, `in` for several. */
function oneOrMany<T>(values: T[]): { operator: 'eq'; value: T } | { operator: 'in'; value: T[] } {
  return values.length === 1
    ? { operator: 'eq', value: values[0] as T }
    : { operator: 'in', value: values };
}

/** Builds the API filter from the options; each option becomes one condition. */
export function buildFilter(values: {
  status?: string[] | undefined;
  brand?: string[] | undefined;
  vin?: string[] | undefined;
  tag?: string[] | undefined;
  since?: string | undefined;
}): ClearanceFilter {
  const filter: ClearanceFilter = {};
  const statuses = splitList(values.status).map((status) => parseStatus(status, '--status'));
  if (statuses.length > 0) filter.status = oneOrMany(statuses);
  const brands = splitList(values.brand).map((brand) =>
    parseBrand(brand, clearanceBrands, 'clearance'),
  );
  if (brands.length > 0) filter.brand = oneOrMany(brands);
  const vins = splitList(values.vin).map((vin) => parseVin(vin, '--vin'));
  if (vins.length > 0) filter.vin = oneOrMany(vins);
  const tags = (values.tag ?? []).map((tag) => parseTag(tag, '--tag'));
  if (tags.length > 0) filter.tags = { operator: 'contains', value: Object.fromEntries(tags) };
  if (values.since !== undefined) {
    filter.inserted_at = { operator: 'gte', value: parseSince(values.since) };
  }
  return filter;
}

/** Time of the newest changelog entry, which is when the status last changed. */
function lastChange(clearance: Clearance): string {
  return clearance.changelog?.at(-1)?.timestamp ?? '-';
}

function printClearances(output: Output, clearances: Clearance[], filtered: boolean) {
  const { style } = output;
  if (clearances.length === 0) {
    output.out(filtered ? 'No clearances match the filters.' : 'The fleet has no clearances yet.');
    return;
  }
  const rows = clearances.map((clearance) => [
    clearance.vin,
    clearance.brand ?? '-',
    styleStatus(clearance.status, style),
    style.dim(lastChange(clearance)),
    formatTags(clearance.tags),
  ]);
  output.out(renderTable(['VIN', 'BRAND', 'STATUS', 'CHANGED', 'TAGS'], rows, style));
  output.out(`\n${clearances.length} clearance(s).`);
}

/** Runs `hm clearance list`. */
export function run(argv: string[]): Promise<number> {
  const spec = {
    name: 'clearance list',
    help,
    options,
    positionals: { min: 0, max: 0, names: '' },
  };
  return runCommand(argv, spec, async ({ values, output }) => {
    const filter = buildFilter(values);
    output.log(`filter ${JSON.stringify(filter)}`);
    const clearances = await withClient(values, output, ({ client }) =>
      client.listClearances(filter),
    );
    if (output.json) {
      output.printJson({ clearances });
    } else {
      printClearances(output, clearances, Object.keys(filter).length > 0);
    }
    return 0;
  });
}
