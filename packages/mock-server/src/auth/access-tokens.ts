import { type CryptoKey, decodeProtectedHeader, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import type { MockClock } from '../clock.js';

/** Lifetime of an issued access token, in seconds (the `expires_in` the real API returns). */
export const accessTokenLifetimeSeconds = 300;

/** Claims the mock reads back from a verified access token. */
export interface AccessTokenClaims {
  sub: string;
  scopes: string[];
}

/** Why a bearer token was rejected. */
export type TokenRejection = 'malformed' | 'wrong_algorithm' | 'bad_signature' | 'expired';

interface KeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/**
 * Issues and verifies the mock's access tokens: ES256 JWTs signed with a key pair that each mock
 * instance generates on first use.
 */
export class AccessTokenAuthority {
  readonly #clock: MockClock;
  #keys: Promise<KeyPair> | undefined;

  constructor(clock: MockClock) {
    this.#clock = clock;
  }

  /** Returns the public key that verifies this mock's tokens, for tests that inspect tokens. */
  async publicKey(): Promise<CryptoKey> {
    return (await this.#keyPair()).publicKey;
  }

  async issue(input: { sub: string; scopes: string[]; issuer: string }): Promise<string> {
    const { privateKey } = await this.#keyPair();
    const iat = Math.floor(this.#clock.now() / 1000);
    return new SignJWT({ scope: input.scopes.join(' '), ver: 1 })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
      .setIssuedAt(iat)
      .setExpirationTime(iat + accessTokenLifetimeSeconds)
      .setIssuer(input.issuer)
      .setSubject(input.sub)
      .sign(privateKey);
  }

  async verify(token: string): Promise<AccessTokenClaims | TokenRejection> {
    let alg: unknown;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      return 'malformed';
    }
    if (alg !== 'ES256') return 'wrong_algorithm';
    const { publicKey } = await this.#keyPair();
    try {
      const { payload } = await jwtVerify(token, publicKey, {
        algorithms: ['ES256'],
        currentDate: new Date(this.#clock.now()),
        requiredClaims: ['exp', 'iat', 'sub'],
      });
      const scope = typeof payload.scope === 'string' ? payload.scope : '';
      return { sub: String(payload.sub), scopes: scope.split(' ').filter(Boolean) };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_JWT_EXPIRED') return 'expired';
      if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return 'bad_signature';
      return 'malformed';
    }
  }

  #keyPair(): Promise<KeyPair> {
    this.#keys ??= generateKeyPair('ES256', { extractable: true });
    return this.#keys;
  }
}
