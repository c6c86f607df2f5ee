import { readFile } from 'node:fs/promises';
import { type Credentials, checkCredentials } from '../credentials/credentials.js';
import { parseCredentialsSource } from '../credentials/credentials-json.js';
import { InvalidCredentialsError, InvalidPrivateKeyError } from '../errors.js';

/**
 * Reads a credentials JSON file downloaded from the High Mobility console and creates
 * credentials from it. Errors name the path, and a syntax error its line and column. A UTF-8
 * byte order mark is skipped. The private key is checked and imported before the promise
 * resolves. Node.js only.
 *
 * @example
 * ```ts
 * import { loadCredentialsFile } from '@hm-sdk/auth/node';
 * const credentials = await loadCredentialsFile('./hm-credentials.json');
 * ```
 * @throws InvalidCredentialsError when the file cannot be read or its content is invalid.
 * @throws InvalidPrivateKeyError when its private key is not a usable EC P-256 private key.
 */
export async function loadCredentialsFile(path: string): Promise<Credentials> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new InvalidCredentialsError(
      `Could not read the credentials file ${path} (${typeof code === 'string' ? code : 'read failed'}). Check the path and the file permissions.`,
      { cause: error },
    );
  }
  const credentials = parseCredentialsSource(text, path);
  // The key is checked before returning, so a bad key in the file fails here and not on the
  // first token request, with the path in the message.
  try {
    await checkCredentials(credentials);
  } catch (error) {
    if (!(error instanceof InvalidPrivateKeyError)) throw error;
    throw new InvalidPrivateKeyError(
      `The private_key in credentials file ${path} is not usable. ${error.message}`,
      error.problem,
      { cause: error },
    );
  }
  return credentials;
}
