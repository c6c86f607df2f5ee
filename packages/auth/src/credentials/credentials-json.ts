import { InvalidCredentialsError } from '../errors.js';
import { type Credentials, createCredentials } from './credentials.js';
import { lineAndColumn, locateJsonSyntaxError } from './json-syntax.js';

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
  return parseCredentialsSource(json, undefined);
}

/**
 * Creates credentials like {@link parseCredentialsJson}, with error messages that name `path`
 * as the source of the text when it is given.
 */
export function parseCredentialsSource(
  json: string | CredentialsJson,
  path: string | undefined,
): Credentials {
  const source = path === undefined ? 'Credentials JSON' : `Credentials file ${path}`;
  const data = typeof json === 'string' ? parseJsonText(json, source) : json;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InvalidCredentialsError(
      `${source} must be an object with client_id, id and private_key, as downloaded from the High Mobility console.`,
    );
  }
  const {
    client_id: clientId,
    id,
    private_key: privateKey,
    client_secret: clientSecret,
  } = data as CredentialsJson;
  if (clientSecret !== undefined) {
    requireField(clientId, 'client_id', source);
    return createCredentials({ clientId: clientId as string, clientSecret });
  }
  requireField(id, 'id', source);
  requireField(privateKey, 'private_key', source);
  return createCredentials({
    privateKeyId: id as string,
    privateKey: privateKey as string,
    clientId: typeof clientId === 'string' && clientId.trim() !== '' ? clientId : undefined,
  });
}

function parseJsonText(input: string, source: string): unknown {
  // Editors such as Windows Notepad start a UTF-8 file with a byte order mark.
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (text.trimStart().startsWith('-----BEGIN')) {
    throw new InvalidCredentialsError(
      `${source} is a PEM key, not the credentials JSON. Pass the key with createCredentials({ privateKeyId, privateKey }), or download the credentials JSON file from the High Mobility console.`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8's message quotes part of the input, which contains the key, so only the position is kept.
    throw new InvalidCredentialsError(
      `${source} is not valid JSON: ${describeSyntaxError(text, error)}. Pass the file content unchanged, as downloaded from the High Mobility console.`,
    );
  }
}

function describeSyntaxError(text: string, error: unknown): string {
  const location = locateJsonSyntaxError(text, error);
  if (location === undefined) return 'the position of the syntax error is unknown';
  const { line, column } = lineAndColumn(text, location.offset);
  return location.atEnd
    ? `the text ends before the JSON is complete, at line ${line}, column ${column}`
    : `the syntax error is at line ${line}, column ${column}`;
}

function requireField(value: unknown, field: string, source: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    const state = value === undefined || value === null ? 'missing' : 'not a non-empty string';
    throw new InvalidCredentialsError(
      `${source} field ${field} is ${state}. Download the credentials JSON again from the High Mobility console.`,
      { field },
    );
  }
}
