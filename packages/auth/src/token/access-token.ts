import { REDACTED } from '../errors.js';

// The same symbol as in redact.ts: Symbol.for returns one symbol per key in the whole runtime.
// This module loads on demand and imports nothing from the main entry but errors.ts.
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * Access token with the scopes and expiry the server returned. `JSON.stringify`,
 * `util.inspect` and `toString` show `[redacted]` in place of the token string, and
 * `accessToken` is not enumerable, so a spread copy leaves it out. The object and its `scopes`
 * are frozen, because every concurrent caller receives the same instance.
 */
export interface AccessToken {
  /** The bearer token to send as `Authorization: Bearer <accessToken>`. */
  readonly accessToken: string;
  /** Always `'bearer'`; the server's `token_type` is compared case-insensitively. */
  readonly tokenType: 'bearer';
  /** Scopes granted to the token, split from the server's space-separated `scope`. */
  readonly scopes: string[];
  /** Wall-clock expiry, counted from the moment the token request was sent. */
  readonly expiresAt: Date;
}

/** Creates a frozen {@link AccessToken} with the redaction described there. */
export function createAccessToken(fields: {
  accessToken: string;
  scopes: string[];
  expiresAt: Date;
}): AccessToken {
  const visible = {
    tokenType: 'bearer' as const,
    scopes: Object.freeze([...fields.scopes]) as string[],
    expiresAt: new Date(fields.expiresAt.getTime()),
  };
  const redacted = () => ({ accessToken: REDACTED, ...visible });
  const token = Object.defineProperties(visible, {
    accessToken: { value: fields.accessToken, enumerable: false },
    toJSON: { value: () => ({ ...redacted(), expiresAt: visible.expiresAt.toISOString() }) },
    toString: {
      value: () => `AccessToken(${REDACTED}, expires ${visible.expiresAt.toISOString()})`,
    },
    [inspectSymbol]: { value: () => `AccessToken ${JSON.stringify(token)}` },
  });
  return Object.freeze(token) as AccessToken;
}
