import { runSubcommand } from '../../dispatch.js';
import { configKeysHelp } from './keys.js';

const help = `Usage: hm config <subcommand> [options]

Saves named profiles (environment and credentials) in config.json under $XDG_CONFIG_HOME/hm,
or ~/.config/hm when XDG_CONFIG_HOME is not set. The file is written with mode 0600.

Subcommands:
  list                        list the profiles; secrets are shown only as "set"
  get <key>                   print one value of a profile (never a secret)
  set <key> [value]           save a value; client-secret is read from stdin
  unset <key>                 remove a value
  use <profile>               make a profile the current one
  delete <profile>            delete a profile
  path                        print the path of the config file

Keys:
${configKeysHelp}

get, set and unset act on --profile <name>, else $HM_PROFILE, else the current profile, else
"default". Flags and environment variables take precedence over a profile.`;

/** Runs `hm config <subcommand>`. */
export function run(argv: string[]): Promise<number> {
  const show = () => import('./show.js');
  const edit = () => import('./edit.js');
  return runSubcommand(argv, {
    name: 'config',
    help,
    subcommands: {
      list: () => show().then((module) => ({ run: module.runList })),
      get: () => show().then((module) => ({ run: module.runGet })),
      path: () => show().then((module) => ({ run: module.runPath })),
      set: () => edit().then((module) => ({ run: module.runSet })),
      unset: () => edit().then((module) => ({ run: module.runUnset })),
      use: () => edit().then((module) => ({ run: module.runUse })),
      delete: () => edit().then((module) => ({ run: module.runDelete })),
    },
  });
}
