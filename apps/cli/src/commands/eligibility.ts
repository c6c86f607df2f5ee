import {
  connectionOptions,
  connectionOptionsHelp,
  outputOptions,
  outputOptionsHelp,
  runCommand,
} from '../command.js';
import { withClient } from '../connection/lazy.js';
import { usageError } from '../errors.js';
import { renderFields } from '../format/table.js';
import { eligibilityBrands, parseBrand, parseVin } from '../validation.js';

const help = `Usage: hm eligibility <vin> --brand <brand>

Checks whether a vehicle can deliver data, and how (pull, push). A vehicle that is not eligible
is a valid result and exits with 0.

Options:
  --brand <brand>        the vehicle's brand, one of:
                         ${eligibilityBrands.join(', ')}

${connectionOptionsHelp}

${outputOptionsHelp}`;

const options = {
  ...outputOptions,
  ...connectionOptions,
  brand: { type: 'string' },
} as const;

/** Runs `hm eligibility`. */
export function run(argv: string[]): Promise<number> {
  const spec = {
    name: 'eligibility',
    help,
    options,
    positionals: { min: 1, max: 1, names: 'a VIN' },
  };
  return runCommand(argv, spec, async ({ values, positionals, output }) => {
    const vin = parseVin(positionals[0] ?? '');
    if (values.brand === undefined) {
      throw usageError(
        `Missing --brand for ${vin}. Valid brands: ${eligibilityBrands.join(', ')}.`,
      );
    }
    const brand = parseBrand(values.brand, eligibilityBrands, 'eligibility');
    const result = await withClient(values, output, ({ client }) =>
      client.checkEligibility({ vin, brand }),
    );
    if (output.json) {
      output.printJson(result);
      return 0;
    }
    const { style } = output;
    const fields: Array<[string, string]> = [
      ['VIN', result.vin],
      ['eligible', result.eligible ? style.green('yes') : style.red('no')],
      ['data delivery', result.data_delivery.join(', ') || 'none'],
    ];
    if (result.connectivity_status !== undefined) {
      fields.push(['connectivity', result.connectivity_status]);
    }
    if (result.primary_user_assigned !== undefined) {
      fields.push(['primary user', result.primary_user_assigned ? 'assigned' : 'not assigned']);
    }
    output.out(renderFields(fields, style));
    return 0;
  });
}
