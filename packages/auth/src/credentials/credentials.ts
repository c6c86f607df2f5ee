import { checkPrivateKeyType, InvalidCredentialsError, NetworkError } from '../errors.js';
import { inspectSymbol } from '../redact.js';
import { JWT_BEARER_ASSERTION_TYPE, startAssertionSigner } from './assertion.js';
import type { AssertionSigner } from './key-signer.js';
import type { PrivateKeyInput } from './private-key.js';

/** Input for client secret credentials: the OAuth client id and client secret of an app. */
export interface ClientSecretCredentialsInput {
  /** OAuth client id of the app. */
  clientId: string;
  /** OAuth client secret of the app. */
  clientSecret: string;
}

/** Input for private key credentials: the key id and EC P-256 private key from the console. */
export interface PrivateKeyCredentialsInput {
  /** Id of the private key (the `id` field of the console's credentials JSON). */
  privateKeyId: string;
  /** The EC P-256 private key in any format of {@link PrivateKeyInput}. */
  privateKey: PrivateKeyInput;
  /** OAuth client id, sent as `client_id` when given; the API accepts requests without it. */
  clientId?: string | undefined;
}

/** Either kind of credentials input accepted by {@link createCredentials}. */
export type CredentialsInput = ClientSecretCredentialsInput | PrivateKeyCredentialsInput;

/**
 * Checked credentials. The secret (client secret or private key) is held outside the object,
 * so it never shows up in `JSON.stringify`, `util.inspect`, `toString` or a spread copy.
 */
export interface Credentials {
  /** OAuth client authentication method of the credentials. */
  readonly kind: 'client_secret' | 'private_key';
  /** OAuth client id, when known. Client ids are not secret. */
  readonly clientId: string | undefined;
  /** Private key id for `private_key` credentials, otherwise `undefined`. */
  readonly privateKeyId: string | undefined;
}

/** Builds the body fields of one token request. */
type FieldsBuilder = (audience: string, nowMs: number) => Promise<Record<string, string>>;

/** The secret parts of one credentials object, kept out of sight of its users. */
interface CredentialsSecrets {
  buildFields: FieldsBuilder;
  /** Resolves once the credentials are ready to sign, and rejects for an unusable private key. */
  check(): Promise<void>;
}

// Secrets live in this map, keyed by the public object, rather than on the object itself.
const secretsByCredentials = new WeakMap<Credentials, CredentialsSecrets>();

/**
 * Creates credentials from a client id and secret, or from a private key id and EC P-256 private
 * key. Surrounding whitespace is trimmed from ids and the client secret.
 *
 * A private key's type is checked here. Its content is checked and imported into Web Crypto in
 * the background, by code that loads on demand (so apps with a client secret never download
 * it): a bad key fails the first token request, or earlier `await checkCredentials(credentials)`.
 *
 * @example
 * ```ts
 * const credentials = createCredentials({
 *   privateKeyId: process.env.HM_PRIVATE_KEY_ID!,
 *   privateKey: process.env.HM_PRIVATE_KEY!, // a PEM; literal \n sequences are fine
 *   clientId: process.env.HM_CLIENT_ID,
 * });
 * ```
 * @throws InvalidCredentialsError when a field is missing, empty or of the wrong type.
 * @throws InvalidPrivateKeyError when the private key is neither a non-empty string nor an object.
 * @throws TypeError when `input` is not an object.
 */
export function createCredentials(input: CredentialsInput): Credentials {
  if (typeof input !== 'object' || input === null) {
    throw new TypeError(
      'createCredentials expects an object with clientId and clientSecret, or privateKeyId and privateKey.',
    );
  }
  const hasSecret = 'clientSecret' in input && input.clientSecret !== undefined;
  const hasKey = 'privateKey' in input && input.privateKey !== undefined;
  if (hasSecret && hasKey) {
    throw new InvalidCredentialsError(
      'Credentials contain both clientSecret and privateKey. Pass one of them, because each selects a different way to authenticate.',
    );
  }
  if (hasSecret) {
    return createSecretCredentials(input as ClientSecretCredentialsInput);
  }
  if (hasKey || 'privateKeyId' in input) {
    return createKeyCredentials(input as PrivateKeyCredentialsInput);
  }
  throw new InvalidCredentialsError(
    'Credentials contain neither clientSecret nor privateKey. Pass { clientId, clientSecret } or { privateKeyId, privateKey, clientId? }.',
  );
}

function createSecretCredentials(input: ClientSecretCredentialsInput): Credentials {
  const clientId = requireText(input.clientId, 'clientId');
  const clientSecret = requireText(input.clientSecret, 'clientSecret');
  return register('client_secret', clientId, undefined, {
    buildFields: async () => ({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }),
    check: async () => undefined,
  });
}

function createKeyCredentials(input: PrivateKeyCredentialsInput): Credentials {
  const privateKeyId = requireText(input.privateKeyId, 'privateKeyId');
  const clientId =
    input.clientId === undefined ? undefined : requireText(input.clientId, 'clientId');
  const { privateKey } = input;
  checkPrivateKeyType(privateKey);
  let signer: Promise<AssertionSigner> | undefined = startAssertionSigner(privateKey);
  const readySigner = async () => {
    signer ??= startAssertionSigner(privateKey);
    try {
      return await signer;
    } catch (error) {
      // After a failed download the next request loads again, while a bad key fails every time.
      if (error instanceof NetworkError) signer = undefined;
      throw error;
    }
  };
  return register('private_key', clientId, privateKeyId, {
    buildFields: async (audience, nowMs) => {
      const sign = await readySigner();
      const fields: Record<string, string> = {
        grant_type: 'client_credentials',
        client_assertion: await sign({ privateKeyId, audience, nowMs }),
        client_assertion_type: JWT_BEARER_ASSERTION_TYPE,
      };
      if (clientId !== undefined) {
        fields.client_id = clientId;
      }
      return fields;
    },
    check: async () => {
      await readySigner();
    },
  });
}

function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    const found = value === undefined ? 'missing' : `a ${value === null ? 'null' : typeof value}`;
    throw new InvalidCredentialsError(
      `Credentials field ${field} is ${found}; it must be a non-empty string.`,
      {
        field,
      },
    );
  }
  const trimmed = value.trim();
  if (trimmed === '') {
    throw new InvalidCredentialsError(
      `Credentials field ${field} is empty; it must be a non-empty string.`,
      {
        field,
      },
    );
  }
  return trimmed;
}

function register(
  kind: Credentials['kind'],
  clientId: string | undefined,
  privateKeyId: string | undefined,
  secrets: CredentialsSecrets,
): Credentials {
  const summary = { kind, clientId, privateKeyId };
  const describe = () =>
    `Credentials { kind: '${kind}', clientId: ${quote(clientId)}, privateKeyId: ${quote(privateKeyId)} }`;
  const credentials = Object.defineProperties(
    { ...summary },
    {
      toJSON: { value: () => ({ ...summary }) },
      toString: { value: describe },
      [inspectSymbol]: { value: describe },
    },
  );
  Object.freeze(credentials);
  secretsByCredentials.set(credentials, secrets);
  return credentials;
}

function quote(value: string | undefined): string {
  return value === undefined ? 'undefined' : `'${value}'`;
}

/** Checks whether a value was made by {@link createCredentials} or {@link parseCredentialsJson}. */
export function isCredentials(value: unknown): value is Credentials {
  return (
    typeof value === 'object' && value !== null && secretsByCredentials.has(value as Credentials)
  );
}

/**
 * Waits until credentials are ready to request tokens: for a private key, until its content is
 * checked and imported into Web Crypto. Call it at startup to fail early on a bad key instead of
 * on the first token request. Client secret credentials resolve at once.
 *
 * @example
 * ```ts
 * const credentials = createCredentials({ privateKeyId, privateKey: process.env.HM_PRIVATE_KEY! });
 * await checkCredentials(credentials); // throws InvalidPrivateKeyError for an unusable key
 * ```
 * @throws InvalidPrivateKeyError when the private key is not a usable EC P-256 private key.
 * @throws NetworkError when the private key code, which loads on demand, could not be loaded.
 * @throws TypeError when `credentials` were not made by this package.
 */
export async function checkCredentials(credentials: Credentials): Promise<void> {
  await secretsOf(credentials).check();
}

/**
 * Builds the body fields of one token request. Private key credentials sign a fresh assertion
 * on every call. Internal to the package: the result contains the secret.
 */
export function buildTokenRequestFields(
  credentials: Credentials,
  audience: string,
  nowMs: number,
): Promise<Record<string, string>> {
  return secretsOf(credentials).buildFields(audience, nowMs);
}

function secretsOf(credentials: Credentials): CredentialsSecrets {
  const secrets = secretsByCredentials.get(credentials);
  if (secrets === undefined) {
    throw new TypeError(
      'credentials were not created by createCredentials or parseCredentialsJson.',
    );
  }
  return secrets;
}
