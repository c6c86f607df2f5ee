import {
  connectionOptions,
  connectionOptionsHelp,
  outputOptions,
  outputOptionsHelp,
  runCommand,
} from '../../command.js';
import { withClient } from '../../connection/lazy.js';
import { withApiHint } from '../../errors.js';
import { styleStatus } from '../../format/table.js';
import { parseVin } from '../../validation.js';
import { notFoundHint } from './get.js';

const help = `Usage: hm clearance delete <vin>

Ends data access for a vehicle: an approved clearance moves to revoking and then revoked, a
pending one to canceling and then canceled (for brands whose manufacturers support it).

${connectionOptionsHelp}

${outputOptionsHelp}`;

const options = { ...outputOptions, ...connectionOptions } as const;

const finalStatus = { revoking: 'revoked', canceling: 'canceled' } as const;

/** Runs `hm clearance delete`. */
export function run(argv: string[]): Promise<number> {
  const spec = {
    name: 'clearance delete',
    help,
    options,
    positionals: { min: 1, max: 1, names: 'a VIN' },
  };
  return runCommand(argv, spec, async ({ values, positionals, output }) => {
    const vin = parseVin(positionals[0] ?? '');
    const result = await withClient(values, output, ({ client }) =>
      client.deleteClearance(vin).catch((error: unknown) => {
        withApiHint(error, [404], notFoundHint(vin));
        throw withApiHint(
          error,
          [409],
          `Check its status with \`hm clearance get ${vin}\`: it may already be removed or changing.`,
        );
      }),
    );
    if (output.json) {
      output.printJson(result);
      return 0;
    }
    const next = finalStatus[result.status];
    output.out(
      `The clearance of ${vin} is now ${styleStatus(result.status, output.style)}; it becomes ` +
        `${next} shortly. Follow it with \`hm clearance wait ${vin} --until ${next}\`.`,
    );
    return 0;
  });
}
