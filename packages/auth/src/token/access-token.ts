import { inspectSymbol, REDACTED } from '../redact.js';

/** An access token and what the server said about it. */
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

/**
 * Creates an {@link AccessToken} whose token string is not enumerable and is replaced by
 * `[redacted]` in `JSON.stringify`, `util.inspect` and `toString`.
 */
export function createAccessToken(fields: {
  accessToken: string;
  scopes: string[];
  expiresAt: Date;
}): AccessToken {
  const visible = {
    tokenType: 'bearer' as const,
    scopes: [...fields.scopes],
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
