import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CliError, usageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { configFilePath } from './paths.js';

/** One named profile. Every field is optional; the CLI combines it with flags and variables. */
export interface Profile {
  /** `sandbox`, `production`, `mock` or a base URL, as for `--env`. */
  env?: string;
  clientId?: string;
  /** Client secret; the file is written with mode 0600 because of it. */
  clientSecret?: string;
  privateKeyId?: string;
  /** Absolute path of a PEM private key. */
  privateKeyFile?: string;
  /** Absolute path of a credentials JSON file from the console. */
  credentialsFile?: string;
}

/** The content of the profiles file. */
export interface ConfigFile {
  /** Profile used when neither `--profile` nor `HM_PROFILE` names one. */
  currentProfile?: string;
  profiles: Record<string, Profile>;
}

/** Profile name used when none was chosen. */
export const DEFAULT_PROFILE = 'default';

const profileFields = [
  'env',
  'clientId',
  'clientSecret',
  'privateKeyId',
  'privateKeyFile',
  'credentialsFile',
] as const satisfies readonly (keyof Profile)[];

function readProfile(value: unknown): Profile {
  const profile: Profile = {};
  if (typeof value !== 'object' || value === null) return profile;
  for (const field of profileFields) {
    const text = (value as Record<string, unknown>)[field];
    if (typeof text === 'string' && text !== '') profile[field] = text;
  }
  return profile;
}

function invalidFile(path: string, problem: string): CliError {
  return new CliError(
    `The config file ${path} ${problem}. Fix it by hand, or delete it and save the profiles again with \`hm config set\`.`,
    ExitCode.Usage,
  );
}

/** Reads the profiles file; a missing file reads as no profiles. */
export async function readConfig(path = configFilePath()): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') return { profiles: {} };
    throw invalidFile(path, `could not be read (${String(code ?? 'read failed')})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // The SyntaxError is dropped: V8 quotes part of the input, which may contain a secret.
    throw invalidFile(path, 'is not valid JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw invalidFile(path, 'does not contain a JSON object');
  }
  const record = data as { currentProfile?: unknown; profiles?: unknown };
  const profiles: Record<string, Profile> = {};
  if (typeof record.profiles === 'object' && record.profiles !== null) {
    for (const [name, value] of Object.entries(record.profiles))
      profiles[name] = readProfile(value);
  }
  const config: ConfigFile = { profiles };
  if (typeof record.currentProfile === 'string') config.currentProfile = record.currentProfile;
  return config;
}

/**
 * Writes the profiles file with mode 0600 inside a directory with mode 0700, also tightening an
 * existing directory. The content goes to a temporary file first and is renamed into place, so a
 * crash never leaves half a file.
 */
export async function writeConfig(config: ConfigFile, path = configFilePath()): Promise<void> {
  const directory = dirname(path);
  await mkdir(directory, { recursive: true, mode: 0o700 });
  // mkdir leaves the mode of an existing directory alone, and the umask reduces it for a new one.
  await chmod(directory, 0o700);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  // The mode given to writeFile is reduced by the umask, so it is set again explicitly.
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}

/**
 * Picks the profile name: `--profile`, then `HM_PROFILE`, then the file's current profile, then
 * `default`.
 */
export function selectProfileName(
  config: ConfigFile,
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return flag ?? (env.HM_PROFILE || undefined) ?? config.currentProfile ?? DEFAULT_PROFILE;
}

/** Checks a profile name given on the command line. */
export function checkProfileName(name: string): string {
  if (!/^[\w.-]{1,64}$/.test(name)) {
    throw usageError(
      `Invalid profile name "${name}": use up to 64 letters, digits, ".", "_" and "-".`,
    );
  }
  return name;
}
