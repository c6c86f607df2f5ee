import { InvalidCredentialsError } from '../errors.js';
import { type Credentials, createCredentials } from './credentials.js';

/** Credentials JSON as the High Mobility console offers it for download. */
export interface CredentialsJson {
  /** OAuth client id of the app. */
  client_id?: string;
  /** Private key id. */
  id?: string;
  /** EC P-256 private key as a PKCS#8 PEM. */
  private_key?: string;
  /** Client secret, for credentials that use one instead of a private key. */
  client_secret?: string;
  /** Creation time of the key as an ISO 8601 timestamp, which authentication does not use. */
  inserted_at?: string;
}

/**
 * Creates credentials from the credentials JSON of the High Mobility console (`client_id`, `id`,
 * `private_key`, `inserted_at`), given as text or as a parsed object. A JSON with `client_id` and
 * `client_secret` gives client secret credentials.
 *
 * @example
 * ```ts
 * const credentials = parseCredentialsJson(process.env.HM_CREDENTIALS_JSON!);
 * ```
 * @throws InvalidCredentialsError when the text is not JSON or a required field is missing.
 * @throws InvalidPrivateKeyError when `private_key` is not a usable EC P-256 private key.
 */
export function parseCredentialsJson(json: string | CredentialsJson): Credentials {
  const data = typeof json === 'string' ? parseJsonText(json) : json;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InvalidCredentialsError(
      'Credentials JSON must be an object with client_id, id and private_key, as downloaded from the High Mobility console.',
    );
  }
  const {
    client_id: clientId,
    id,
    private_key: privateKey,
    client_secret: clientSecret,
  } = data as CredentialsJson;
  if (clientSecret !== undefined) {
    requireField(clientId, 'client_id');
    return createCredentials({ clientId: clientId as string, clientSecret });
  }
  requireField(id, 'id');
  requireField(privateKey, 'private_key');
  return createCredentials({
    privateKeyId: id as string,
    privateKey: privateKey as string,
    clientId: typeof clientId === 'string' && clientId.trim() !== '' ? clientId : undefined,
  });
}

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // The SyntaxError is dropped on purpose: V8 quotes part of the input, which contains the key.
    throw new InvalidCredentialsError(
      'Credentials JSON is not valid JSON. Pass the file content unchanged, as downloaded from the High Mobility console.',
    );
  }
}

function requireField(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    const state = value === undefined || value === null ? 'missing' : 'not a non-empty string';
    throw new InvalidCredentialsError(
      `Credentials JSON field ${field} is ${state}. Download the credentials JSON again from the High Mobility console.`,
      { field },
    );
  }
}
