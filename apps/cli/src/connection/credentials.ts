import { readFile } from 'node:fs/promises';
import { type Credentials, checkCredentials, createCredentials } from '@hm-sdk/auth';
import { loadCredentialsFile } from '@hm-sdk/auth/node';
import type { Profile } from '../config/store.js';
import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';

/** Credential values given as flags, before they are checked. */
export interface CredentialFlags {
  clientId?: string | undefined;
  privateKeyId?: string | undefined;
  privateKeyFile?: string | undefined;
  credentials?: string | undefined;
}

/** Credentials and a description of where they came from (never the secret itself). */
export interface ResolvedCredentials {
  credentials: Credentials;
  source: string;
}

/** Credential fields of one source, and how that source names each of them in messages. */
interface FieldSource {
  source: string;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  privateKey?: string | undefined;
  privateKeyFile?: string | undefined;
  privateKeyId?: string | undefined;
  names: Record<
    'clientId' | 'clientSecret' | 'privateKey' | 'privateKeyFile' | 'privateKeyId',
    string
  >;
}

const directNames = {
  clientId: 'HM_CLIENT_ID (or --client-id)',
  clientSecret: 'HM_CLIENT_SECRET',
  privateKey: 'HM_PRIVATE_KEY',
  privateKeyFile: 'HM_PRIVATE_KEY_FILE (or --private-key-file)',
  privateKeyId: 'HM_PRIVATE_KEY_ID (or --private-key-id)',
};

function authError(message: string, cause?: unknown): CliError {
  return new CliError(message, ExitCode.Auth, cause === undefined ? undefined : { cause });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function hasSecret(fields: FieldSource): boolean {
  return (
    fields.clientSecret !== undefined ||
    fields.privateKey !== undefined ||
    fields.privateKeyFile !== undefined
  );
}

async function readPrivateKeyFile(path: string, name: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw authError(
      `Could not read the private key file ${path} from ${name} (${String(code ?? 'read failed')}). ` +
        'Check the path and the file permissions.',
      error,
    );
  }
}

async function keyCredentials(fields: FieldSource, privateKey: string): Promise<Credentials> {
  if (fields.privateKeyId === undefined) {
    throw authError(
      `A private key is set but ${fields.names.privateKeyId} is missing in ${fields.source}. ` +
        'Set it to the key id: the "id" field of the credentials JSON from the console.',
    );
  }
  try {
    const credentials = createCredentials({
      privateKeyId: fields.privateKeyId,
      privateKey,
      clientId: fields.clientId,
    });
    // The key's content is checked here, so a bad key fails before any request.
    await checkCredentials(credentials);
    return credentials;
  } catch (error) {
    const name =
      fields.privateKeyFile === undefined ? fields.names.privateKey : fields.names.privateKeyFile;
    throw authError(
      `The private key from ${name} is not usable: ${(error as Error).message}`,
      error,
    );
  }
}

async function credentialsFromFields(fields: FieldSource): Promise<Credentials> {
  const { names } = fields;
  if (
    fields.clientSecret !== undefined &&
    (fields.privateKey ?? fields.privateKeyFile) !== undefined
  ) {
    throw authError(
      `Both a client secret (${names.clientSecret}) and a private key (${names.privateKey} or ` +
        `${names.privateKeyFile}) are set in ${fields.source}. Keep one of them.`,
    );
  }
  if (fields.privateKey !== undefined && fields.privateKeyFile !== undefined) {
    throw authError(
      `Both ${names.privateKey} and ${names.privateKeyFile} are set in ${fields.source}. Keep one of them.`,
    );
  }
  if (fields.clientSecret !== undefined) {
    if (fields.clientId === undefined) {
      throw authError(
        `A client secret is set but ${names.clientId} is missing in ${fields.source}. ` +
          'Set it to the OAuth client id of the app.',
      );
    }
    return createCredentials({ clientId: fields.clientId, clientSecret: fields.clientSecret });
  }
  const privateKey =
    fields.privateKey ??
    (await readPrivateKeyFile(fields.privateKeyFile as string, names.privateKeyFile));
  return keyCredentials(fields, privateKey);
}

async function credentialsFromFile(path: string, source: string): Promise<ResolvedCredentials> {
  try {
    return { credentials: await loadCredentialsFile(path), source: `the credentials file ${path}` };
  } catch (error) {
    const message = (error as Error).message;
    const located = message.includes(path)
      ? message
      : `The credentials file ${path} (${source}) is invalid: ${message}`;
    throw authError(located, error);
  }
}

function missingCredentials(direct: FieldSource, targetLabel: string): CliError {
  const partial =
    direct.clientId !== undefined
      ? `${directNames.clientId} is set, but no client secret or private key is. `
      : direct.privateKeyId !== undefined
        ? `${directNames.privateKeyId} is set, but no private key is. `
        : '';
  return authError(
    `No credentials found for ${targetLabel}. ${partial}Set HM_CLIENT_ID and HM_CLIENT_SECRET, ` +
      'or HM_PRIVATE_KEY_ID and HM_PRIVATE_KEY (or HM_PRIVATE_KEY_FILE); or pass --credentials ' +
      '<file> with the JSON downloaded from the High Mobility console; or save a profile with ' +
      '`hm config set`. To try the CLI without an account, use --env mock.',
  );
}

function directFields(flags: CredentialFlags, env: NodeJS.ProcessEnv): FieldSource {
  return {
    source: 'the flags and environment variables',
    clientId: nonEmpty(flags.clientId) ?? nonEmpty(env.HM_CLIENT_ID),
    clientSecret: nonEmpty(env.HM_CLIENT_SECRET),
    privateKey: nonEmpty(env.HM_PRIVATE_KEY),
    privateKeyFile: nonEmpty(flags.privateKeyFile) ?? nonEmpty(env.HM_PRIVATE_KEY_FILE),
    privateKeyId: nonEmpty(flags.privateKeyId) ?? nonEmpty(env.HM_PRIVATE_KEY_ID),
    names: directNames,
  };
}

/**
 * Reports whether flags, environment variables or `--credentials` provide a secret, in which case
 * {@link resolveCredentials} never reads the profile.
 */
export function hasExplicitCredentials(flags: CredentialFlags, env: NodeJS.ProcessEnv): boolean {
  return hasSecret(directFields(flags, env)) || flags.credentials !== undefined;
}

/**
 * Finds the credentials to use. The first source that contains a secret (a client secret or a
 * private key) wins: flags with environment variables, then `--credentials <file>`, then the
 * profile. Flags override the environment variable of the same field.
 */
export async function resolveCredentials(
  flags: CredentialFlags,
  env: NodeJS.ProcessEnv,
  profile: { name: string; profile: Profile } | undefined,
  targetLabel: string,
): Promise<ResolvedCredentials> {
  const direct = directFields(flags, env);
  if (hasSecret(direct)) {
    return { credentials: await credentialsFromFields(direct), source: direct.source };
  }
  if (flags.credentials !== undefined)
    return credentialsFromFile(flags.credentials, '--credentials');

  if (profile !== undefined) {
    const fromProfile = profileFields(profile.name, profile.profile);
    if (hasSecret(fromProfile)) {
      return { credentials: await credentialsFromFields(fromProfile), source: fromProfile.source };
    }
    if (profile.profile.credentialsFile !== undefined) {
      return credentialsFromFile(profile.profile.credentialsFile, `profile "${profile.name}"`);
    }
  }
  throw missingCredentials(direct, targetLabel);
}

function profileFields(name: string, profile: Profile): FieldSource {
  const field = (key: string) => `${key} (hm config set ${key} --profile ${name})`;
  return {
    source: `profile "${name}"`,
    clientId: profile.clientId,
    clientSecret: profile.clientSecret,
    privateKeyFile: profile.privateKeyFile,
    privateKeyId: profile.privateKeyId,
    names: {
      clientId: field('client-id'),
      clientSecret: field('client-secret'),
      privateKey: field('private-key-file'),
      privateKeyFile: field('private-key-file'),
      privateKeyId: field('private-key-id'),
    },
  };
}
