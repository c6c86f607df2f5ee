import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Clock, Logger } from '../src/index.js';

/** A fresh EC P-256 key pair made by Web Crypto, with the private key as PKCS#8 PEM and JWK. */
export interface TestKeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  pkcs8Pem: string;
  jwk: JsonWebKey;
  spkiDer: Buffer;
}

/** Generates an extractable EC P-256 key pair; nothing is committed to the repository. */
export async function generateP256(): Promise<TestKeyPair> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  return {
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    pkcs8Pem: toPem('PRIVATE KEY', pkcs8),
    jwk: await crypto.subtle.exportKey('jwk', pair.privateKey),
    spkiDer: Buffer.from(await crypto.subtle.exportKey('spki', pair.publicKey)),
  };
}

/** Wraps DER bytes in PEM lines of 64 characters. */
export function toPem(label: string, der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Generates a key with node:crypto (OpenSSL), for formats Web Crypto cannot export. */
export function generateNodeKey(
  type: 'ec' | 'rsa' | 'ed25519',
  options: { namedCurve?: string; modulusLength?: number } = {},
): { privateKey: KeyObject; publicKey: KeyObject } {
  if (type === 'ec') {
    return generateKeyPairSync('ec', { namedCurve: options.namedCurve ?? 'P-256' });
  }
  if (type === 'rsa') {
    return generateKeyPairSync('rsa', { modulusLength: options.modulusLength ?? 1024 });
  }
  return generateKeyPairSync('ed25519');
}

/** A clock whose wall and monotonic readings move only when a test advances them. */
export interface TestClock extends Clock {
  /** Moves both readings forward. */
  advance(ms: number): void;
  /** Moves only the wall clock, as an NTP correction or a manual change would. */
  jumpWall(ms: number): void;
}

/** Creates a {@link TestClock} starting at the given wall-clock time. */
export function createTestClock(startWall = Date.now()): TestClock {
  let wall = startWall;
  let monotonic = 1_000;
  return {
    now: () => wall,
    monotonicNow: () => monotonic,
    advance(ms) {
      wall += ms;
      monotonic += ms;
    },
    jumpWall(ms) {
      wall += ms;
    },
  };
}

/** One call recorded by {@link createRecordingLogger}. */
export interface LogLine {
  level: keyof Logger;
  message: string;
  fields: Record<string, unknown> | undefined;
}

/** Creates a logger that keeps every call, for assertions on what was logged. */
export function createRecordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const record = (level: keyof Logger) => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, fields });
  };
  return {
    lines,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
}

/** A request body as sent by the token provider, captured before it leaves the process. */
export interface SentRequest {
  url: string;
  contentType: string | null;
  fields: Record<string, string>;
}

/**
 * Wraps `globalThis.fetch` (which msw patches in process) so tests can read the unredacted
 * body the provider sent; the mock's own request log masks secrets.
 */
export function createRecordingFetch(): typeof fetch & { sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const recordingFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const text = await request.clone().text();
    const contentType = request.headers.get('content-type');
    const fields = contentType?.includes('json')
      ? (JSON.parse(text) as Record<string, string>)
      : Object.fromEntries(new URLSearchParams(text));
    sent.push({ url: request.url, contentType, fields });
    return globalThis.fetch(request);
  };
  return Object.assign(recordingFetch, { sent });
}

/** Decodes the header and payload of a JWT without verifying it. */
export function decodeJwtParts(jwt: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
} {
  const [header = '', payload = ''] = jwt.split('.');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')),
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
  };
}
