import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Profile } from '../../config/store.js';
import { parseTarget } from '../../connection/target.js';
import { usageError } from '../../errors.js';

/** A setting of a profile as `hm config` names it. */
interface KeyDefinition {
  field: keyof Profile;
  description: string;
  /** Secrets are read from stdin and never printed. */
  secret: boolean;
  /** Checks and normalises a value; throws a usage error for an invalid one. */
  check(value: string): Promise<string>;
}

async function existingFile(value: string, key: string): Promise<string> {
  const path = resolve(value);
  try {
    await access(path);
  } catch {
    throw usageError(`Invalid ${key}: the file ${path} does not exist or cannot be read.`);
  }
  return path;
}

const text = async (value: string) => value.trim();

/** Every key `hm config set` accepts. */
export const configKeys: Record<string, KeyDefinition> = {
  env: {
    field: 'env',
    description: 'sandbox, production, mock or a base URL',
    secret: false,
    check: async (value) => {
      parseTarget(value, 'env');
      return value.trim();
    },
  },
  'client-id': { field: 'clientId', description: 'OAuth client id', secret: false, check: text },
  'client-secret': {
    field: 'clientSecret',
    description: 'OAuth client secret (read from stdin)',
    secret: true,
    check: text,
  },
  'private-key-id': {
    field: 'privateKeyId',
    description: 'id of the private key',
    secret: false,
    check: text,
  },
  'private-key-file': {
    field: 'privateKeyFile',
    description: 'path of the EC P-256 private key (PEM)',
    secret: false,
    check: (value) => existingFile(value, 'private-key-file'),
  },
  credentials: {
    field: 'credentialsFile',
    description: 'path of the credentials JSON from the console',
    secret: false,
    check: (value) => existingFile(value, 'credentials'),
  },
};

/** Looks up a key, naming the valid keys in the error. */
export function findKey(name: string): KeyDefinition {
  const key = Object.hasOwn(configKeys, name) ? configKeys[name] : undefined;
  if (key === undefined) {
    throw usageError(
      `Unknown config key "${name}". Use one of: ${Object.keys(configKeys).join(', ')}.`,
    );
  }
  return key;
}

/** Help lines listing every key. */
export const configKeysHelp = Object.entries(configKeys)
  .map(([name, key]) => `  ${name.padEnd(18)} ${key.description}`)
  .join('\n');
