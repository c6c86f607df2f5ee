import { InvalidPrivateKeyError } from '../errors.js';

/** Private key formats accepted by `createCredentials`. */
export type PrivateKeyInput = string | JsonWebKey | CryptoKey;

const ES256_IMPORT = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** Imports a private key for ES256 signing. */
export async function importPrivateKey(input: PrivateKeyInput): Promise<CryptoKey> {
  if (typeof input === 'string') {
    const body = input
      .replace(/\\n/g, '\n')
      .replace(/-----(BEGIN|END) PRIVATE KEY-----/g, '')
      .replace(/\s+/g, '');
    const der = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
    return crypto.subtle.importKey('pkcs8', der, ES256_IMPORT, false, ['sign']);
  }
  if (isCryptoKey(input)) {
    return input;
  }
  if (typeof input === 'object' && input !== null) {
    return crypto.subtle.importKey('jwk', input, ES256_IMPORT, false, ['sign']);
  }
  throw new InvalidPrivateKeyError(
    'privateKey must be a PEM string, a JWK or a CryptoKey.',
    'unsupported-format',
  );
}

function isCryptoKey(value: unknown): value is CryptoKey {
  return typeof CryptoKey !== 'undefined' && value instanceof CryptoKey;
}
