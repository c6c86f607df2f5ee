// Everything private key credentials need and client secret credentials do not: the key
// parsers, the Web Crypto import and jose. `credentials.ts` loads this module with `import()`, so
// bundlers put it in a chunk that only apps with a private key download.
import { SignJWT } from 'jose';
import { importPreparedKey, preparePrivateKey } from './private-key.js';

/** Claims of one client assertion that change between token requests. */
export interface AssertionClaims {
  /** Private key id from the console; becomes the `iss` claim. */
  privateKeyId: string;
  /** `<base url>/v1`; becomes the `aud` claim. */
  audience: string;
  /** Wall-clock time in milliseconds; `iat` is this value in whole seconds. */
  nowMs: number;
}

/** Signs client assertions with one imported private key. */
export type AssertionSigner = (claims: AssertionClaims) => Promise<string>;

/**
 * Checks a private key input, imports it into Web Crypto for ES256 and returns a signer for it.
 *
 * @throws InvalidPrivateKeyError that names what was found and how to get a usable key.
 */
export async function createAssertionSigner(input: unknown): Promise<AssertionSigner> {
  const key = await importPreparedKey(preparePrivateKey(input));
  return (claims) => signAssertion({ key, ...claims });
}

/**
 * Signs one ES256 client assertion with header `typ: JWT` and the claims `ver: 2`, `iss`,
 * `aud`, `jti` (a random UUID, new for every call) and `iat`.
 */
export function signAssertion(input: AssertionClaims & { key: CryptoKey }): Promise<string> {
  return new SignJWT({ ver: 2 })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .setIssuer(input.privateKeyId)
    .setAudience(input.audience)
    .setJti(crypto.randomUUID())
    .setIssuedAt(Math.floor(input.nowMs / 1000))
    .sign(input.key);
}
