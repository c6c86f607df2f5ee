import { type CryptoKey, decodeProtectedHeader, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import type { MockClock } from '../clock.js';

/** Lifetime of an issued access token, in seconds (the `expires_in` the real API returns). */
export const accessTokenLifetimeSeconds = 300;

/** Claims the mock reads back from a verified access token. */
export interface AccessTokenClaims {
  sub: string;
  scopes: string[];
}

/** Reason a bearer token was rejected. */
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
  /** Tokens whose signature already verified, with their claims and `exp` (seconds). */
  readonly #verified = new Map<string, { claims: AccessTokenClaims; exp: number }>();

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
    const nowSeconds = Math.floor(this.#clock.now() / 1000);
    const cached = this.#verified.get(token);
    if (cached) return nowSeconds >= cached.exp ? 'expired' : cached.claims;
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
      const claims = { sub: String(payload.sub), scopes: scope.split(' ').filter(Boolean) };
      this.#remember(token, claims, Number(payload.exp));
      return claims;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_JWT_EXPIRED') return 'expired';
      if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return 'bad_signature';
      return 'malformed';
    }
  }

  /** Caches a verified token, so repeated requests skip the ECDSA check; at most 1000 entries. */
  #remember(token: string, claims: AccessTokenClaims, exp: number): void {
    if (this.#verified.size >= 1000) {
      const oldest = this.#verified.keys().next().value;
      if (oldest !== undefined) this.#verified.delete(oldest);
    }
    this.#verified.set(token, { claims, exp });
  }

  #keyPair(): Promise<KeyPair> {
    this.#keys ??= generateKeyPair('ES256', { extractable: true });
    return this.#keys;
  }
}
