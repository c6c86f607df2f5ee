import { outputOptions, outputOptionsHelp, runCommand } from '../../command.js';
import { configFilePath } from '../../config/paths.js';
import {
  type ConfigFile,
  checkProfileName,
  readConfig,
  selectProfileName,
  writeConfig,
} from '../../config/store.js';
import { usageError } from '../../errors.js';
import { readSecret } from '../../secret-input.js';
import { configKeysHelp, findKey } from './keys.js';

const profileOption = { profile: { type: 'string' } } as const;

/** Runs `hm config set`. */
export function runSet(argv: string[]): Promise<number> {
  const help = `Usage: hm config set <key> [value] [--profile <name>]

Saves a value in a profile, creating the profile and the file (mode 0600) when needed. The
client secret is read from stdin, never from the command line, where other users and the shell
history would see it: \`hm config set client-secret < secret.txt\`.

Keys:
${configKeysHelp}

${outputOptionsHelp}`;
  const options = { ...outputOptions, ...profileOption } as const;
  const spec = {
    name: 'config set',
    help,
    options,
    positionals: { min: 1, max: 2, names: 'a key and a value' },
  };
  return runCommand(argv, spec, async ({ values, positionals, output }) => {
    const [keyName = '', given] = positionals;
    const key = findKey(keyName);
    if (key.secret && given !== undefined) {
      throw usageError(
        `Pass ${keyName} on stdin, not as an argument: arguments are visible to other users and ` +
          `saved in the shell history. Example: hm config set ${keyName} < secret.txt`,
      );
    }
    if (!key.secret && given === undefined) {
      throw usageError(`Missing value: \`hm config set ${keyName} <value>\`.`);
    }
    const raw = given ?? (await readSecret(`Enter the ${keyName} (input hidden): `));
    const value = await key.check(raw);
    const path = configFilePath();
    const config = await readConfig(path);
    const profileName = checkProfileName(selectProfileName(config, values.profile));
    config.profiles[profileName] = { ...config.profiles[profileName], [key.field]: value };
    await writeConfig(config, path);
    const displayed = key.secret ? '(hidden)' : value;
    if (output.json) output.printJson({ profile: profileName, key: keyName, saved: true, path });
    else output.out(`Saved ${keyName} ${displayed} in profile "${profileName}" (${path}).`);
    return 0;
  });
}

/** Runs `hm config unset`. */
export function runUnset(argv: string[]): Promise<number> {
  const help = `Usage: hm config unset <key> [--profile <name>]\n\nRemoves a value from a profile.\n\n${outputOptionsHelp}`;
  const options = { ...outputOptions, ...profileOption } as const;
  const spec = {
    name: 'config unset',
    help,
    options,
    positionals: { min: 1, max: 1, names: 'a key' },
  };
  return runCommand(argv, spec, async ({ values, positionals, output }) => {
    const keyName = positionals[0] ?? '';
    const key = findKey(keyName);
    const path = configFilePath();
    const config = await readConfig(path);
    const profileName = checkProfileName(selectProfileName(config, values.profile));
    const profile = config.profiles[profileName];
    if (profile !== undefined) {
      delete profile[key.field];
      await writeConfig(config, path);
    }
    if (output.json) output.printJson({ profile: profileName, key: keyName, removed: true });
    else output.out(`Removed ${keyName} from profile "${profileName}".`);
    return 0;
  });
}

function requireProfile(names: string[], name: string): void {
  if (!names.includes(name)) {
    throw usageError(
      `Profile "${name}" not found. ${names.length > 0 ? `Saved profiles: ${names.join(', ')}.` : 'No profiles are saved yet.'}`,
    );
  }
}

/**
 * Runs a subcommand that takes one saved profile name (`use`, `delete`): it reads the file,
 * checks that the profile exists, applies `change` and writes the file back.
 */
function runProfileCommand(
  argv: string[],
  command: { name: string; summary: string },
  change: (config: ConfigFile, name: string) => { json: object; message: string },
): Promise<number> {
  const help = `Usage: hm ${command.name} <profile>\n\n${command.summary}\n\n${outputOptionsHelp}`;
  const spec = {
    name: command.name,
    help,
    options: outputOptions,
    positionals: { min: 1, max: 1, names: 'a profile name' },
  };
  return runCommand(argv, spec, async ({ positionals, output }) => {
    const name = checkProfileName(positionals[0] ?? '');
    const path = configFilePath();
    const config = await readConfig(path);
    requireProfile(Object.keys(config.profiles), name);
    const result = change(config, name);
    await writeConfig(config, path);
    if (output.json) output.printJson(result.json);
    else output.out(result.message);
    return 0;
  });
}

/** Runs `hm config use`. */
export function runUse(argv: string[]): Promise<number> {
  const command = { name: 'config use', summary: 'Makes a saved profile the current one.' };
  return runProfileCommand(argv, command, (config, name) => {
    config.currentProfile = name;
    return {
      json: { currentProfile: name },
      message: `Profile "${name}" is now the current profile.`,
    };
  });
}

/** Runs `hm config delete`. */
export function runDelete(argv: string[]): Promise<number> {
  const command = { name: 'config delete', summary: 'Deletes a saved profile and its secrets.' };
  return runProfileCommand(argv, command, (config, name) => {
    delete config.profiles[name];
    if (config.currentProfile === name) delete config.currentProfile;
    return { json: { deleted: name }, message: `Deleted profile "${name}".` };
  });
}
