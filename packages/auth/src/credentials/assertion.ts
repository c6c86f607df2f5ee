import { SignJWT } from 'jose';

/** `client_assertion_type` value for a JWT bearer client assertion (RFC 7523). */
export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Inputs of one client assertion. */
export interface AssertionInput {
  /** EC P-256 private key with the `sign` usage. */
  key: CryptoKey;
  /** Private key id from the console; becomes the `iss` claim. */
  privateKeyId: string;
  /** `<base url>/v1`; becomes the `aud` claim. */
  audience: string;
  /** Wall-clock time in milliseconds; `iat` is this value in whole seconds. */
  nowMs: number;
}

/**
 * Signs one ES256 client assertion with header `typ: JWT` and the claims `ver: 2`, `iss`,
 * `aud`, `jti` (a random UUID, new for every call) and `iat`.
 */
export async function signAssertion(input: AssertionInput): Promise<string> {
  return new SignJWT({ ver: 2 })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .setIssuer(input.privateKeyId)
    .setAudience(input.audience)
    .setJti(crypto.randomUUID())
    .setIssuedAt(Math.floor(input.nowMs / 1000))
    .sign(input.key);
}
