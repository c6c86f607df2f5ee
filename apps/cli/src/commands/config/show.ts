import { outputOptions, outputOptionsHelp, runCommand } from '../../command.js';
import { configFilePath } from '../../config/paths.js';
import {
  checkProfileName,
  type Profile,
  readConfig,
  selectProfileName,
} from '../../config/store.js';
import { renderTable } from '../../format/table.js';
import { findKey } from './keys.js';

const profileOption = { profile: { type: 'string' } } as const;

/** Describes where a profile's credentials come from, without the secret. */
function describeCredentials(profile: Profile): string {
  if (profile.clientSecret !== undefined) {
    return `client secret (client id ${profile.clientId ?? 'not set'})`;
  }
  if (profile.privateKeyFile !== undefined) {
    return `private key ${profile.privateKeyFile} (key id ${profile.privateKeyId ?? 'not set'})`;
  }
  if (profile.credentialsFile !== undefined) return `credentials file ${profile.credentialsFile}`;
  return '-';
}

/** Converts a profile to its `--json` shape, which replaces the secret by whether it is set. */
function visibleProfile(profile: Profile) {
  const { clientSecret, ...rest } = profile;
  return { ...rest, clientSecret: clientSecret === undefined ? null : 'set' };
}

/** Runs `hm config list`. */
export function runList(argv: string[]): Promise<number> {
  const help = `Usage: hm config list\n\nLists the saved profiles. Secrets are shown only as "set".\n\n${outputOptionsHelp}`;
  const spec = {
    name: 'config list',
    help,
    options: outputOptions,
    positionals: { min: 0, max: 0, names: '' },
  };
  return runCommand(argv, spec, async ({ output }) => {
    const path = configFilePath();
    const config = await readConfig(path);
    const current = selectProfileName(config, undefined);
    const names = Object.keys(config.profiles).sort();
    if (output.json) {
      output.printJson({
        path,
        currentProfile: current,
        profiles: names.map((name) => ({ name, ...visibleProfile(config.profiles[name] ?? {}) })),
      });
      return 0;
    }
    if (names.length === 0) {
      output.out(
        `No profiles saved yet in ${path}. Save one with \`hm config set <key> <value>\`.`,
      );
      return 0;
    }
    const rows = names.map((name) => {
      const profile = config.profiles[name] ?? {};
      return [
        name === current ? '*' : '',
        name,
        profile.env ?? 'sandbox',
        describeCredentials(profile),
      ];
    });
    output.out(renderTable(['', 'PROFILE', 'ENV', 'CREDENTIALS'], rows, output.style));
    output.out(`\n${output.style.dim(`* current profile; file ${path}`)}`);
    return 0;
  });
}

/** Runs `hm config get`. */
export function runGet(argv: string[]): Promise<number> {
  const help = `Usage: hm config get <key> [--profile <name>]\n\nPrints one value of a profile. A secret is reported only as set or not set.\n\n${outputOptionsHelp}`;
  const options = { ...outputOptions, ...profileOption } as const;
  const spec = {
    name: 'config get',
    help,
    options,
    positionals: { min: 1, max: 1, names: 'a key' },
  };
  return runCommand(argv, spec, async ({ values, positionals, output }) => {
    const keyName = positionals[0] ?? '';
    const key = findKey(keyName);
    const config = await readConfig();
    const profileName = checkProfileName(selectProfileName(config, values.profile));
    const stored = config.profiles[profileName]?.[key.field];
    const value = key.secret && stored !== undefined ? 'set' : (stored ?? null);
    if (output.json) {
      output.printJson({ profile: profileName, key: keyName, value });
    } else if (value === null) {
      output.err(`${keyName} is not set in profile "${profileName}".`);
    } else {
      output.out(key.secret ? `${keyName} is set (hidden)` : value);
    }
    return 0;
  });
}

/** Runs `hm config path`. */
export function runPath(argv: string[]): Promise<number> {
  const help = `Usage: hm config path\n\nPrints the path of the config file, which may not exist yet.\n\n${outputOptionsHelp}`;
  const spec = {
    name: 'config path',
    help,
    options: outputOptions,
    positionals: { min: 0, max: 0, names: '' },
  };
  return runCommand(argv, spec, async ({ output }) => {
    const path = configFilePath();
    if (output.json) output.printJson({ path });
    else output.out(path);
    return 0;
  });
}
