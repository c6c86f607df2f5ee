import { checkPkcs8, looksLikeSec1, sec1ToPkcs8 } from './der-key.js';
import {
  checkPrivateKeyType,
  damagedKeyError,
  keyError,
  publicKeyError,
  wrongAlgorithmError,
} from './key-errors.js';
import { checkCryptoKey, checkJwk, isCryptoKeyLike } from './key-objects.js';
import {
  decodeBase64,
  decodePemBlocks,
  looksLikePem,
  normalisePemText,
  type PemBlock,
  PemError,
} from './pem.js';

/**
 * Private key formats accepted by `createCredentials`: a PKCS#8 PEM (as in the console's
 * download), a SEC1 `EC PRIVATE KEY` PEM, base64 DER without PEM lines, a JWK (object or JSON
 * text), or a `CryptoKey`. The key must be EC P-256.
 */
export type PrivateKeyInput = string | JsonWebKey | CryptoKey;

/** A private key checked and converted into a form that Web Crypto can import. */
export type PreparedKey =
  | { format: 'pkcs8'; der: Uint8Array }
  | { format: 'jwk'; jwk: JsonWebKey }
  | { format: 'cryptokey'; key: CryptoKey };

const ES256_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/**
 * Checks a private key input without Web Crypto, so a wrong key fails when the credentials are
 * created rather than on the first token request.
 *
 * @throws InvalidPrivateKeyError that names what was found and how to get a usable key.
 */
export function preparePrivateKey(input: unknown): PreparedKey {
  checkPrivateKeyType(input);
  if (typeof input === 'string') {
    return prepareKeyText(input);
  }
  if (isCryptoKeyLike(input)) {
    return { format: 'cryptokey', key: checkCryptoKey(input) };
  }
  return { format: 'jwk', jwk: checkJwk(input as JsonWebKey) };
}

/** Imports a prepared key for ES256 signing; call once per credentials object. */
export async function importPreparedKey(prepared: PreparedKey): Promise<CryptoKey> {
  if (prepared.format === 'cryptokey') {
    return prepared.key;
  }
  try {
    if (prepared.format === 'pkcs8') {
      return await crypto.subtle.importKey(
        'pkcs8',
        new Uint8Array(prepared.der),
        ES256_KEY,
        false,
        ['sign'],
      );
    }
    return await crypto.subtle.importKey('jwk', prepared.jwk, ES256_KEY, false, ['sign']);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw keyError(
      'malformed',
      `Web Crypto could not import the EC P-256 private key (${reason}).`,
      {
        fix: 'The key data is damaged or its public point does not match the private scalar.',
        cause: error,
      },
    );
  }
}

function prepareKeyText(input: string): PreparedKey {
  const text = normalisePemText(input);
  if (text === '') {
    throw keyError('malformed', 'The privateKey is an empty string.');
  }
  if (text.startsWith('{')) {
    return { format: 'jwk', jwk: checkJwk(parseJwkText(text)) };
  }
  if (looksLikePem(text)) {
    return { format: 'pkcs8', der: preparePemKey(withPemErrors(() => decodePemBlocks(text))) };
  }
  const der = decodeBareDer(text);
  return { format: 'pkcs8', der: looksLikeSec1(der) ? sec1ToPkcs8(der) : checkPkcs8(der) };
}

/**
 * Decodes a key given as base64 DER without PEM lines. Every PKCS#8 or SEC1 key starts with a
 * DER SEQUENCE tag (0x30), so text that does not decode to one is reported as no key at all.
 */
function decodeBareDer(text: string): Uint8Array {
  let der: Uint8Array;
  try {
    der = decodeBase64(text, 'key');
  } catch (error) {
    if (error instanceof PemError) throw notAKeyError(`it is not base64 either: ${error.message}`);
    throw error;
  }
  if (der[0] !== 0x30) throw notAKeyError('its base64 does not decode to a DER key');
  return der;
}

function notAKeyError(detail: string): Error {
  return keyError(
    'malformed',
    `The privateKey is not a PEM key: it has no '-----BEGIN' line, and ${detail}.`,
    { fix: 'Pass the whole PEM text of the key, including the BEGIN and END lines.' },
  );
}

function parseJwkText(text: string): JsonWebKey {
  try {
    return JSON.parse(text) as JsonWebKey;
  } catch {
    // The SyntaxError is dropped on purpose: its message quotes part of the key text.
    throw damagedKeyError('the text starts with "{" but is not valid JWK JSON', false);
  }
}

const PRIVATE_LABELS = new Set([
  'PRIVATE KEY',
  'EC PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
  'RSA PRIVATE KEY',
  'DSA PRIVATE KEY',
  'OPENSSH PRIVATE KEY',
]);

function preparePemKey(blocks: PemBlock[]): Uint8Array {
  const block = blocks.find((candidate) => PRIVATE_LABELS.has(candidate.label));
  if (block === undefined) {
    throw errorForNonPrivateBlocks(blocks);
  }
  switch (block.label) {
    case 'PRIVATE KEY':
      return checkPkcs8(block.der);
    case 'EC PRIVATE KEY':
      if (block.hasHeaders) {
        throw encryptedKeyError('an encrypted EC PRIVATE KEY PEM');
      }
      return sec1ToPkcs8(block.der);
    case 'ENCRYPTED PRIVATE KEY':
      throw encryptedKeyError('an ENCRYPTED PRIVATE KEY PEM');
    case 'RSA PRIVATE KEY':
      throw wrongAlgorithmError('RSA');
    case 'DSA PRIVATE KEY':
      throw wrongAlgorithmError('DSA');
    default:
      throw keyError('unsupported-format', 'The privateKey is an OpenSSH private key.', {
        fix: 'Convert it to PKCS#8 with `ssh-keygen -p -m PKCS8 -f <file>` if it is an ECDSA P-256 key.',
      });
  }
}

function errorForNonPrivateBlocks(blocks: PemBlock[]): Error {
  const labels = blocks.map((block) => block.label).filter((label) => label !== 'EC PARAMETERS');
  const publicLabel = labels.find(
    (label) => label.includes('PUBLIC KEY') || label === 'CERTIFICATE',
  );
  if (publicLabel !== undefined) {
    return publicKeyError(`a '${publicLabel}' PEM`);
  }
  if (labels.length === 0) {
    return damagedKeyError('the PEM contains no private key block', false);
  }
  return keyError('unsupported-format', `The privateKey is a PEM block labelled '${labels[0]}'.`);
}

function encryptedKeyError(found: string): Error {
  return keyError('encrypted', `The privateKey is ${found}.`, {
    fix: 'Decrypt it first, for example with `openssl pkey -in encrypted.pem -out key.pem`.',
  });
}

function withPemErrors<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof PemError) {
      throw damagedKeyError(error.message, error.truncated);
    }
    throw error;
  }
}
