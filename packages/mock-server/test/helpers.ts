import { type JWTPayload, SignJWT } from 'jose';
import { getResponse } from 'msw';
import type { MockApi } from '../src/index.js';

export const sandboxUrl = 'https://sandbox.api.high-mobility.com';
export const sandboxVin = 'SANDB0XV1N0000001';

export interface CallOptions {
  body?: unknown;
  /** Raw body text, sent as is. */
  raw?: string;
  form?: Record<string, string>;
  token?: string;
  headers?: Record<string, string>;
  origin?: string;
}

/** Sends one request through msw's own resolution, the way setupServer and the listener do. */
export async function call(
  mock: MockApi,
  method: string,
  path: string,
  options: CallOptions = {},
  // biome-ignore lint/suspicious/noExplicitAny: tests read fields of arbitrary JSON responses.
): Promise<{ status: number; body: any; response: Response }> {
  const headers = new Headers(options.headers);
  let body: string | undefined;
  if (options.form) {
    headers.set('content-type', 'application/x-www-form-urlencoded');
    body = new URLSearchParams(options.form).toString();
  } else if (options.raw !== undefined) {
    body = options.raw;
  } else if (options.body !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(options.body);
  }
  if (options.token) headers.set('authorization', `Bearer ${options.token}`);
  const request = new Request(`${options.origin ?? sandboxUrl}${path}`, { method, headers, body });
  const response = await getResponse(mock.handlers, request);
  if (!response) throw new Error(`No mock route matched ${method} ${path}`);
  const text = await response.clone().text();
  const isJson = response.headers.get('content-type')?.includes('json') ?? false;
  const parsed = text && isJson ? JSON.parse(text) : text || undefined;
  return { status: response.status, body: parsed, response };
}

/** Registers an app and returns an access token for it. */
export async function tokenFor(mock: MockApi, scopes?: string[]): Promise<string> {
  const app = mock.registerApp(scopes ? { scopes } : {});
  const result = await call(mock, 'POST', '/v1/access_tokens', {
    body: {
      grant_type: 'client_credentials',
      client_id: app.clientId,
      client_secret: app.clientSecret,
    },
  });
  if (result.status !== 200)
    throw new Error(`token request failed: ${JSON.stringify(result.body)}`);
  return result.body.access_token as string;
}

/** Generates a P-256 key pair with Web Crypto. */
export async function generateEcKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
}

/** Signs a client assertion with the claims the real API expects, overridable per test. */
export async function signAssertion(
  privateKey: CryptoKey,
  privateKeyId: string,
  overrides: JWTPayload = {},
  audience = `${sandboxUrl}/v1`,
): Promise<string> {
  const claims: JWTPayload = {
    ver: 2,
    iss: privateKeyId,
    aud: audience,
    jti: crypto.randomUUID(),
    iat: Math.floor(Date.now() / 1000),
    ...overrides,
  };
  return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', typ: 'JWT' }).sign(privateKey);
}

/** Encodes a JWT part as base64url JSON. */
export function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
