// The part of the key checks that runs when credentials are created. The rest of the key code
// (key-errors.ts, private-key.ts and the DER and PEM readers) loads on first use.
import { InvalidPrivateKeyError, type PrivateKeyProblem } from '../errors.js';

/** Advice on getting a usable key, appended to every key error. */
const HOW_TO_GET_ONE =
  'ES256 signing needs an EC P-256 private key: use the private_key of the credentials JSON ' +
  'that the High Mobility console offers for download, or pass a P-256 key as a PKCS#8 PEM, ' +
  "a SEC1 'EC PRIVATE KEY' PEM, a JWK or a CryptoKey.";

/** Builds an {@link InvalidPrivateKeyError} whose message ends with how to get a usable key. */
export function keyError(
  problem: PrivateKeyProblem,
  found: string,
  options: { fix?: string; cause?: unknown } = {},
): InvalidPrivateKeyError {
  const fix = options.fix === undefined ? '' : ` ${options.fix}`;
  return new InvalidPrivateKeyError(`${found}${fix} ${HOW_TO_GET_ONE}`, problem, {
    cause: options.cause,
  });
}

/**
 * Checks the type of a private key input: a non-empty string, or an object (a JWK or a
 * `CryptoKey`). It runs when credentials are created; the content is checked when the key is
 * first used, or by `checkCredentials`.
 *
 * @throws InvalidPrivateKeyError for any other value.
 */
export function checkPrivateKeyType(input: unknown): void {
  if (typeof input === 'string') {
    if (input.trim() === '') throw keyError('malformed', 'The privateKey is an empty string.');
    return;
  }
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) return;
  const found = input === null ? 'null' : Array.isArray(input) ? 'an array' : `a ${typeof input}`;
  throw keyError('unsupported-format', `The privateKey is ${found}.`, {
    fix: 'Pass a PEM string, a JWK object or a CryptoKey.',
  });
}
