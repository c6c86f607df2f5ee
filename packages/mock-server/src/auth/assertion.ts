import { compactVerify, decodeJwt, decodeProtectedHeader } from 'jose';
import type { MockClock } from '../clock.js';
import type { AppRecord, AppRegistry } from '../state/apps.js';

/** Value of `client_assertion_type` for a private key JWT (RFC 7523). */
export const jwtBearerAssertionType = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Inputs of {@link verifyClientAssertion}. */
export interface AssertionContext {
  apps: AppRegistry;
  clock: MockClock;
  /** Audiences the assertion may carry, for example `https://sandbox.api.high-mobility.com/v1`. */
  audiences: string[];
  /** Maximum distance between `iat` and mock time, in seconds. */
  iatToleranceSeconds: number;
  /** Seen `jti` values, so a replayed assertion is rejected. */
  replay: ReplayGuard;
}

/** Result of {@link verifyClientAssertion}: the app, or an OAuth error description. */
export type AssertionResult = { ok: true; app: AppRecord } | { ok: false; description: string };

/** Remembers assertion ids until they could no longer pass the `iat` check. */
export class ReplayGuard {
  readonly #seen = new Map<string, number>();

  /** Records `id` until `expiresAt` (ms); returns false when it was already recorded. */
  remember(id: string, now: number, expiresAt: number): boolean {
    for (const [key, expiry] of this.#seen) if (expiry < now) this.#seen.delete(key);
    if (this.#seen.has(id)) return false;
    this.#seen.set(id, expiresAt);
    return true;
  }

  clear(): void {
    this.#seen.clear();
  }
}

/**
 * Verifies an ES256 client assertion against the public key registered under its `iss`, and
 * checks `ver`, `aud`, `iat` and `jti`. Only ES256 is accepted, so `alg: none`, HMAC with the
 * public key as secret, and RSA keys never reach signature verification.
 */
export async function verifyClientAssertion(
  assertion: string,
  clientId: string | undefined,
  context: AssertionContext,
): Promise<AssertionResult> {
  const fail = (description: string): AssertionResult => ({ ok: false, description });
  let alg: unknown;
  let claims: ReturnType<typeof decodeJwt>;
  try {
    alg = decodeProtectedHeader(assertion).alg;
    claims = decodeJwt(assertion);
  } catch {
    return fail('client_assertion is not a valid JWT');
  }
  if (alg !== 'ES256')
    return fail(`client_assertion must be signed with ES256, not ${String(alg)}`);
  if (typeof claims.iss !== 'string')
    return fail('client_assertion iss (the private key id) is missing');
  const key = context.apps.key(claims.iss);
  if (!key) return fail('client_assertion is signed with an unknown key');
  if (clientId !== undefined && clientId !== key.clientId) {
    return fail('client_id does not match the app of the key that signed client_assertion');
  }
  const app = context.apps.app(key.clientId);
  if (!app) return fail('client_assertion is signed with a key of an unknown app');

  // compactVerify checks only the signature, so each claim problem gets its own message below.
  try {
    await compactVerify(assertion, await key.key, { algorithms: ['ES256'] });
  } catch {
    return fail(
      `client_assertion signature is invalid for key ${claims.iss}; sign with the private key registered under that id`,
    );
  }
  const now = context.clock.now();
  return checkTimes(claims, context, now) ?? checkClaims(claims, context, now) ?? { ok: true, app };
}

function isoSeconds(seconds: number): string {
  return Number.isFinite(seconds) && Math.abs(seconds) < 8.64e12
    ? new Date(seconds * 1000).toISOString()
    : String(seconds);
}

/** Checks `iat`, `exp` and `nbf` against the mock clock and names both times when one is off. */
function checkTimes(
  claims: ReturnType<typeof decodeJwt>,
  context: AssertionContext,
  now: number,
): AssertionResult | undefined {
  const fail = (description: string): AssertionResult => ({ ok: false, description });
  const mockTime = `the mock time is ${new Date(now).toISOString()}`;
  for (const name of ['iat', 'exp', 'nbf'] as const) {
    const value = claims[name];
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
      return fail(`client_assertion ${name} must be a number of seconds since the Unix epoch`);
    }
  }
  if (typeof claims.iat !== 'number') return fail('client_assertion iat is missing');
  const tolerance = context.iatToleranceSeconds;
  if (Math.abs(now - claims.iat * 1000) > tolerance * 1000) {
    return fail(
      `client_assertion iat is more than ${tolerance} s away from the server time: iat is ${isoSeconds(claims.iat)} and ${mockTime}. Check the client clock`,
    );
  }
  if (claims.exp !== undefined && claims.exp * 1000 <= now) {
    return fail(`client_assertion exp ${isoSeconds(claims.exp)} is in the past; ${mockTime}`);
  }
  if (claims.nbf !== undefined && claims.nbf * 1000 > now) {
    return fail(`client_assertion nbf ${isoSeconds(claims.nbf)} is in the future; ${mockTime}`);
  }
  return undefined;
}

function checkClaims(
  claims: ReturnType<typeof decodeJwt>,
  context: AssertionContext,
  now: number,
): AssertionResult | undefined {
  const fail = (description: string): AssertionResult => ({ ok: false, description });
  if (claims.ver !== 2) {
    return fail(`client_assertion ver must be 2, not ${JSON.stringify(claims.ver) ?? 'missing'}`);
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.some((aud) => typeof aud === 'string' && context.audiences.includes(aud))) {
    return fail(
      `client_assertion aud must be ${context.audiences.join(' or ')}, not ${JSON.stringify(claims.aud) ?? 'missing'}`,
    );
  }
  const toleranceMs = context.iatToleranceSeconds * 1000;
  if (typeof claims.jti !== 'string' || claims.jti === '')
    return fail('client_assertion jti is missing');
  const expiresAt = (claims.iat as number) * 1000 + toleranceMs;
  if (!context.replay.remember(`${claims.iss}:${claims.jti}`, now, expiresAt)) {
    return fail('client_assertion jti was already used');
  }
  return undefined;
}
