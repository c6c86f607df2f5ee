import type { InvalidPrivateKeyError, PrivateKeyProblem } from '../errors.js';
import { keyError } from '../errors.js';

export { checkPrivateKeyType, keyError } from '../errors.js';

/** Names of curves and algorithms by OID, for messages that name what was found. */
const KNOWN_OIDS: Record<string, string> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384 (secp384r1)',
  '1.3.132.0.35': 'P-521 (secp521r1)',
  '1.3.132.0.10': 'secp256k1',
  '1.3.36.3.3.2.8.1.1.7': 'brainpoolP256r1',
  '1.2.840.113549.1.1.1': 'RSA',
  '1.2.840.113549.1.1.10': 'RSA-PSS',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.3.101.110': 'X25519',
  '1.3.101.111': 'X448',
  '1.2.840.10040.4.1': 'DSA',
};

/** Returns a readable name for an OID, or the dotted OID itself. */
export function describeOid(oid: string): string {
  return KNOWN_OIDS[oid] ?? `OID ${oid}`;
}

/** Error for a key whose algorithm is not ECDSA at all. */
export function wrongAlgorithmError(algorithm: string): InvalidPrivateKeyError {
  const lower = algorithm.toLowerCase();
  let problem: PrivateKeyProblem = 'other-algorithm';
  if (lower.startsWith('rsa')) problem = 'rsa';
  if (lower === 'ed25519') problem = 'ed25519';
  return keyError(problem, `The private key is an ${algorithm} key, not an EC P-256 key.`);
}

/** Error for an EC key on a curve other than P-256. */
export function wrongCurveError(curve: string): InvalidPrivateKeyError {
  return keyError('wrong-curve', `The private key is an EC key on curve ${curve}, not on P-256.`);
}

/** Error for a public key passed where the private key belongs. */
export function publicKeyError(container: string): InvalidPrivateKeyError {
  return keyError(
    'public-key',
    `The privateKey is ${container}, which contains only a public key.`,
    {
      fix: 'Pass the private key; High Mobility keeps the matching public key.',
    },
  );
}

/** Error for a PEM or DER structure that cannot be read. */
export function damagedKeyError(detail: string, truncated: boolean): InvalidPrivateKeyError {
  const state = truncated ? 'is truncated' : 'is damaged';
  return keyError(truncated ? 'truncated' : 'malformed', `The private key ${state}: ${detail}.`, {
    fix: 'Copy the whole key again, including the BEGIN and END lines.',
  });
}
