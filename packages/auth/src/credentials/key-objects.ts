import {
  damagedKeyError,
  keyError,
  publicKeyError,
  wrongAlgorithmError,
  wrongCurveError,
} from './key-errors.js';

/**
 * Checks whether a value is a `CryptoKey`. Duck typing backs up `instanceof`, so keys from
 * another realm (an iframe, a test environment, a second copy of Web Crypto) are recognised.
 */
export function isCryptoKeyLike(value: unknown): value is CryptoKey {
  if (typeof CryptoKey === 'function' && value instanceof CryptoKey) {
    return true;
  }
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Partial<CryptoKey>;
  return (
    typeof candidate.type === 'string' &&
    typeof candidate.algorithm === 'object' &&
    Array.isArray(candidate.usages)
  );
}

/** Checks that a `CryptoKey` is an ECDSA P-256 private key with the `sign` usage. */
export function checkCryptoKey(key: CryptoKey): CryptoKey {
  const algorithm = key.algorithm as { name: string; namedCurve?: string };
  if (key.type === 'public') {
    throw publicKeyError('a public CryptoKey');
  }
  if (key.type !== 'private') {
    throw keyError(
      'other-algorithm',
      `The privateKey is a ${key.type} ${algorithm.name} CryptoKey.`,
    );
  }
  if (algorithm.name === 'ECDH') {
    throw keyError('wrong-usage', 'The privateKey is an ECDH CryptoKey, which cannot sign.', {
      fix: "Import it with { name: 'ECDSA', namedCurve: 'P-256' } and the 'sign' usage.",
    });
  }
  if (algorithm.name !== 'ECDSA') {
    throw wrongAlgorithmError(algorithm.name);
  }
  if (algorithm.namedCurve !== 'P-256') {
    throw wrongCurveError(String(algorithm.namedCurve));
  }
  if (!key.usages.includes('sign')) {
    throw keyError(
      'wrong-usage',
      `The privateKey CryptoKey has the usages [${key.usages.join(', ')}] but not 'sign'.`,
      {
        fix: "Import it again with the 'sign' usage.",
      },
    );
  }
  return key;
}

/**
 * Checks that a JWK is an EC P-256 private key and returns a copy with only the members Web
 * Crypto needs, so `key_ops`, `use` or `ext` from another tool cannot make the import fail.
 */
export function checkJwk(jwk: JsonWebKey): JsonWebKey {
  const kty = jwk.kty;
  if (typeof kty !== 'string') {
    throw keyError('malformed', 'The privateKey is an object without a kty member, so not a JWK.', {
      fix: "Pass a JWK with kty 'EC', crv 'P-256', x, y and d, or the key as PEM text.",
    });
  }
  if (kty === 'RSA') {
    throw wrongAlgorithmError('RSA');
  }
  if (kty === 'OKP') {
    throw wrongAlgorithmError(typeof jwk.crv === 'string' ? jwk.crv : 'OKP');
  }
  if (kty !== 'EC') {
    throw keyError('other-algorithm', `The privateKey is a JWK with kty '${kty}', not 'EC'.`);
  }
  if (jwk.crv === undefined) {
    throw keyError('malformed', 'The privateKey is an EC JWK without a crv member.', {
      fix: "Add crv: 'P-256'.",
    });
  }
  if (typeof jwk.crv !== 'string') {
    // Only the type is named, because converting an unknown value to text could run the caller's
    // code (toJSON, getters) and print what it returns.
    throw keyError(
      'malformed',
      `The privateKey is an EC JWK whose crv is of type ${typeof jwk.crv}, not a string.`,
      {
        fix: "Set crv to 'P-256'.",
      },
    );
  }
  if (jwk.crv !== 'P-256') {
    throw wrongCurveError(jwk.crv);
  }
  if (typeof jwk.d !== 'string' || jwk.d === '') {
    throw publicKeyError('an EC JWK without the private member d');
  }
  if (typeof jwk.x !== 'string' || typeof jwk.y !== 'string') {
    throw damagedKeyError('the EC JWK lacks the x or y coordinate that Web Crypto needs', false);
  }
  if (jwk.alg !== undefined && jwk.alg !== 'ES256') {
    throw keyError('other-algorithm', `The privateKey JWK declares alg '${jwk.alg}'.`, {
      fix: "Remove alg or set it to 'ES256'.",
    });
  }
  return { kty, crv: jwk.crv, x: jwk.x, y: jwk.y, d: jwk.d };
}
