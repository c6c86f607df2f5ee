import {
  connectionOptions,
  connectionOptionsHelp,
  outputOptions,
  outputOptionsHelp,
  runCommand,
} from '../command.js';
import { withClient } from '../connection/lazy.js';
import { usageError, withApiHint } from '../errors.js';
import { renderFields } from '../format/table.js';
import { capabilityNames, renderVehicleData } from '../format/vehicle-data.js';
import { parseVin, splitList } from '../validation.js';

const help = `Usage: hm vehicle-data <vin> [--capability <name>]...

Reads the latest data of a vehicle whose clearance is approved, and shows each property with
its newest value.

Options:
  --capability <name>    show only these capabilities (repeat it, or separate names with
                         commas), such as diagnostics or vehicle_location

${connectionOptionsHelp}

${outputOptionsHelp}`;

const options = {
  ...outputOptions,
  ...connectionOptions,
  capability: { type: 'string', multiple: true },
} as const;

function selectCapabilities(
  data: Record<string, unknown>,
  requested: string[],
): Record<string, unknown> {
  if (requested.length === 0) return data;
  const available = capabilityNames(data);
  const unknown = requested.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    throw usageError(
      `The vehicle data has no capability ${unknown.map((name) => `"${name}"`).join(', ')}. ` +
        `Capabilities in this response: ${available.join(', ') || 'none'}.`,
    );
  }
  const selected: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!available.includes(key) || requested.includes(key)) selected[key] = value;
  }
  return selected;
}

/** Runs `hm vehicle-data`. */
export function run(argv: string[]): Promise<number> {
  const spec = {
    name: 'vehicle-data',
    help,
    options,
    positionals: { min: 1, max: 1, names: 'a VIN' },
  };
  return runCommand(argv, spec, async ({ values, positionals, output }) => {
    const vin = parseVin(positionals[0] ?? '');
    const requested = splitList(values.capability);
    const response = await withClient(values, output, ({ client }) =>
      client.getVehicleData(vin).catch((error: unknown) => {
        throw withApiHint(
          error,
          [403],
          `Vehicle data needs an approved clearance: request it with \`hm clearance request ${vin} ` +
            `--brand <brand>\`, then \`hm clearance wait ${vin}\`.`,
        );
      }),
    );
    const data = selectCapabilities(response as Record<string, unknown>, requested);
    if (output.json) {
      output.printJson(data);
      return 0;
    }
    const { style } = output;
    const header: Array<[string, string]> = [['VIN', vin]];
    if (typeof data.brand === 'string') header.push(['brand', data.brand]);
    output.out(`${renderFields(header, style)}\n`);
    output.out(renderVehicleData(data, style));
    return 0;
  });
}
