import { runSubcommand } from '../../dispatch.js';

const help = `Usage: hm clearance <subcommand> [options]

Fleet clearance gives your app access to a vehicle's data once the owner or manufacturer
approves it.

Subcommands:
  request <vin...> --brand <brand>   request clearance for vehicles (or --file fleet.csv|json)
  list                               list clearances (--status, --brand, --vin, --tag, --since)
  get <vin>                          show one clearance and its history
  delete <vin>                       revoke an approved clearance or cancel a pending one
  wait <vin>                         wait until a clearance reaches a status (default approved)

Run \`hm clearance <subcommand> --help\` for its options.`;

/** Runs `hm clearance <subcommand>`. */
export function run(argv: string[]): Promise<number> {
  return runSubcommand(argv, {
    name: 'clearance',
    help,
    subcommands: {
      request: () => import('./request.js'),
      list: () => import('./list.js'),
      get: () => import('./get.js'),
      delete: () => import('./delete.js'),
      wait: () => import('./wait.js'),
    },
  });
}
