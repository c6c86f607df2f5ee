import {
  type Credentials,
  createCredentials,
  createTokenProvider,
  environments,
  type TokenProvider,
} from '@hm-sdk/auth';
import type { HmClient } from '@hm-sdk/client';
import { type ConfigFile, readConfig, selectProfileName } from '../config/store.js';
import { CliError, usageError } from '../errors.js';
import type { Output } from '../output.js';
import { type CredentialFlags, hasExplicitCredentials, resolveCredentials } from './credentials.js';
import { startEmbeddedMock } from './embedded-mock.js';
import { createDebugLogger, createFetch } from './http.js';
import { resolveTarget } from './target.js';

/** Values of the connection options, as parsed by `node:util` `parseArgs`. */
export interface ConnectionValues {
  env?: string | undefined;
  profile?: string | undefined;
  credentials?: string | undefined;
  'client-id'?: string | undefined;
  'private-key-id'?: string | undefined;
  'private-key-file'?: string | undefined;
}

/** An authenticated connection to one API base URL. */
export interface Connection {
  baseUrl: string;
  /** `sandbox`, `production`, `mock` or the base URL. */
  label: string;
  credentials: Credentials;
  tokenProvider: TokenProvider;
  /** The `fetch` for every request, with `--debug` logging. */
  fetch: typeof fetch;
  /** Stops the in-process mock, if one was started. */
  close(): Promise<void>;
}

/** A connection with a typed API client. */
export interface ClientConnection extends Connection {
  client: HmClient;
}

function selectProfile(config: ConfigFile, flag: string | undefined, env: NodeJS.ProcessEnv) {
  const name = selectProfileName(config, flag, env);
  const profile = config.profiles[name];
  const named = flag ?? (env.HM_PROFILE || undefined);
  if (profile === undefined && named !== undefined) {
    const known = Object.keys(config.profiles);
    throw usageError(
      `Profile "${name}" not found. ${known.length > 0 ? `Saved profiles: ${known.join(', ')}.` : 'No profiles are saved yet.'} ` +
        'Create it with `hm config set <key> <value> --profile <name>`.',
    );
  }
  return profile === undefined ? undefined : { name, profile };
}

/**
 * Reports whether the profile can change the outcome: a profile is named, or the flags and
 * environment variables leave the target or the credentials open.
 */
function needsProfile(values: ConnectionValues, flags: CredentialFlags, env: NodeJS.ProcessEnv) {
  if (values.profile !== undefined || env.HM_PROFILE) return true;
  const target = values.env ?? (env.HM_BASE_URL || undefined) ?? (env.HM_ENV || undefined);
  if (target === undefined) return true;
  // The in-process mock ignores every credential.
  if (target.trim() === 'mock') return false;
  return !hasExplicitCredentials(flags, env);
}

/** Reads the profiles file, explaining in its errors how to run without it. */
async function readProfiles(values: ConnectionValues, env: NodeJS.ProcessEnv) {
  try {
    return await readConfig();
  } catch (error) {
    const named = values.profile !== undefined || Boolean(env.HM_PROFILE);
    if (!(error instanceof CliError) || named) throw error;
    throw new CliError(
      `${error.message} Pass --env (or set HM_ENV) and credentials (--credentials or the HM_* ` +
        'variables) to run the command without it.',
      error.exitCode,
      { cause: error },
    );
  }
}

/** Base URL and credentials of a connection, before a token provider exists. */
interface Endpoint {
  baseUrl: string;
  credentials: Credentials;
  close(): Promise<void>;
}

async function startMockEndpoint(output: Output): Promise<Endpoint> {
  const mock = await startEmbeddedMock(output);
  output.log('using the app registered on the in-process mock; other credentials are ignored');
  const credentials = createCredentials({
    clientId: mock.clientId,
    clientSecret: mock.clientSecret,
  });
  return { baseUrl: mock.baseUrl, credentials, close: mock.close };
}

async function resolveEndpoint(
  values: ConnectionValues,
  output: Output,
  env: NodeJS.ProcessEnv,
): Promise<{ endpoint: Endpoint; label: string }> {
  const flags = {
    clientId: values['client-id'],
    privateKeyId: values['private-key-id'],
    privateKeyFile: values['private-key-file'],
    credentials: values.credentials,
  };
  // A broken profiles file only matters to a command that would use a profile from it.
  const profile = needsProfile(values, flags, env)
    ? selectProfile(await readProfiles(values, env), values.profile, env)
    : undefined;
  const target = resolveTarget(values.env, env, profile);
  if (target.kind === 'mock')
    return { endpoint: await startMockEndpoint(output), label: target.label };

  const resolved = await resolveCredentials(flags, env, profile, target.label);
  output.log(`credentials from ${resolved.source}: ${String(resolved.credentials)}`);
  const baseUrl = target.kind === 'named' ? environments[target.name] : target.baseUrl;
  const endpoint = { baseUrl, credentials: resolved.credentials, close: async () => {} };
  return { endpoint, label: target.label };
}

/**
 * Resolves the target and the credentials from flags, environment variables, the credentials
 * file and the profile, and creates a token provider for them. `--env mock` starts the mock,
 * which the returned `close` stops.
 */
export async function connect(
  values: ConnectionValues,
  output: Output,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Connection> {
  const { endpoint, label } = await resolveEndpoint(values, output, env);
  const { baseUrl, credentials, close } = endpoint;
  output.log(`API base URL ${baseUrl} (${label})`);
  const fetch = createFetch(output);
  try {
    const tokenProvider = createTokenProvider({
      credentials,
      baseUrl,
      fetch,
      ...(output.debug ? { logger: createDebugLogger(output, 'auth') } : {}),
    });
    return { baseUrl, label, credentials, tokenProvider, fetch, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function createClient(connection: Connection, output: Output): Promise<HmClient> {
  // Loaded here so that `hm token` and the config commands never load the client.
  const { createHmClient } = await import('@hm-sdk/client');
  return createHmClient({
    tokenProvider: connection.tokenProvider,
    baseUrl: connection.baseUrl,
    fetch: connection.fetch,
    userAgent: 'hm-cli',
    ...(output.debug ? { logger: createDebugLogger(output, 'client') } : {}),
  });
}

/** Runs `task` with a connection and closes the connection afterwards, also on failure. */
export async function withConnection<T>(
  values: ConnectionValues,
  output: Output,
  task: (connection: Connection) => Promise<T>,
): Promise<T> {
  const connection = await connect(values, output);
  try {
    return await task(connection);
  } finally {
    await connection.close();
  }
}

/** Like {@link withConnection}, with a typed API client on the connection. */
export function withClient<T>(
  values: ConnectionValues,
  output: Output,
  task: (connection: ClientConnection) => Promise<T>,
): Promise<T> {
  return withConnection(values, output, async (connection) =>
    task({ ...connection, client: await createClient(connection, output) }),
  );
}
