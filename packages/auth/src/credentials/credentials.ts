import { InvalidCredentialsError } from '../errors.js';
import { inspectSymbol } from '../redact.js';
import { JWT_BEARER_ASSERTION_TYPE, signAssertion } from './assertion.js';
import { importPrivateKey, type PrivateKeyInput } from './private-key.js';

/** Input for client secret credentials: the OAuth client id and secret of an app. */
export interface ClientSecretCredentialsInput {
  clientId: string;
  clientSecret: string;
}

/** Input for private key credentials: the key id and EC P-256 private key from the console. */
export interface PrivateKeyCredentialsInput {
  privateKeyId: string;
  privateKey: PrivateKeyInput;
  clientId?: string | undefined;
}

/** Either kind of credentials input accepted by {@link createCredentials}. */
export type CredentialsInput = ClientSecretCredentialsInput | PrivateKeyCredentialsInput;

/** Credentials object; the secret inside is reachable only by the token provider. */
export interface Credentials {
  readonly kind: 'client_secret' | 'private_key';
  readonly clientId: string | undefined;
  readonly privateKeyId: string | undefined;
}

interface SecretState {
  tokenRequestFields(audience: string, nowMs: number): Promise<Record<string, string>>;
}

const secrets = new WeakMap<Credentials, SecretState>();

/** Creates credentials from a client secret or a private key. */
export function createCredentials(input: CredentialsInput): Credentials {
  if ('clientSecret' in input) {
    const { clientId, clientSecret } = input;
    return register('client_secret', clientId, undefined, {
      tokenRequestFields: async () => ({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      }),
    });
  }
  const { privateKeyId, privateKey, clientId } = input;
  let keyPromise: Promise<CryptoKey> | undefined;
  return register('private_key', clientId, privateKeyId, {
    async tokenRequestFields(audience, nowMs) {
      keyPromise ??= importPrivateKey(privateKey);
      const assertion = await signAssertion({
        key: await keyPromise,
        privateKeyId,
        audience,
        nowMs,
      });
      const fields: Record<string, string> = {
        grant_type: 'client_credentials',
        client_assertion: assertion,
        client_assertion_type: JWT_BEARER_ASSERTION_TYPE,
      };
      if (clientId !== undefined) fields.client_id = clientId;
      return fields;
    },
  });
}

function register(
  kind: Credentials['kind'],
  clientId: string | undefined,
  privateKeyId: string | undefined,
  state: SecretState,
): Credentials {
  const summary = { kind, clientId, privateKeyId };
  const credentials: Credentials = Object.freeze({
    ...summary,
    toJSON: () => summary,
    toString: () => `Credentials(${kind})`,
    [inspectSymbol]: () => `Credentials ${JSON.stringify(summary)}`,
  });
  secrets.set(credentials, state);
  return credentials;
}

/** Checks whether a value was made by {@link createCredentials}. */
export function isCredentials(value: unknown): value is Credentials {
  return typeof value === 'object' && value !== null && secrets.has(value as Credentials);
}

/** Builds the body fields of one token request; a private key signs a fresh assertion. */
export function tokenRequestFields(
  credentials: Credentials,
  audience: string,
  nowMs: number,
): Promise<Record<string, string>> {
  const state = secrets.get(credentials);
  if (state === undefined) {
    throw new InvalidCredentialsError('credentials were not created by createCredentials.');
  }
  return state.tokenRequestFields(audience, nowMs);
}

/** Parses the console's credentials JSON. */
export function parseCredentialsJson(json: string | Record<string, unknown>): Credentials {
  const data = typeof json === 'string' ? (JSON.parse(json) as Record<string, unknown>) : json;
  return createCredentials({
    clientId: data.client_id as string,
    privateKeyId: data.id as string,
    privateKey: data.private_key as string,
  });
}
