import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signAssertion } from '../src/credentials/key-signer.js';
import { importPreparedKey, preparePrivateKey } from '../src/credentials/private-key.js';
import { InvalidPrivateKeyError, type PrivateKeyProblem } from '../src/index.js';
import { generateNodeKey, generateP256, toPem } from './helpers.js';

/** Signs with the prepared key and checks the signature with node:crypto and the public key. */
async function signsFor(input: unknown, spkiDer: Buffer): Promise<boolean> {
  const key = await importPreparedKey(preparePrivateKey(input));
  const jwt = await signAssertion({ key, privateKeyId: 'k', audience: 'a', nowMs: 0 });
  const [header, payload, signature = ''] = jwt.split('.');
  return verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    {
      key: createPublicKey({ key: spkiDer, format: 'der', type: 'spki' }),
      dsaEncoding: 'ieee-p1363',
    },
    Buffer.from(signature, 'base64url'),
  );
}

function problemOf(input: unknown): { problem: PrivateKeyProblem; message: string } {
  try {
    preparePrivateKey(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidPrivateKeyError);
    const keyError = error as InvalidPrivateKeyError;
    return { problem: keyError.problem, message: keyError.message };
  }
  throw new Error('expected preparePrivateKey to throw');
}

describe('accepted private key formats', () => {
  it('PKCS#8 PEM', async () => {
    const pair = await generateP256();
    expect(await signsFor(pair.pkcs8Pem, pair.spkiDer)).toBe(true);
  });

  it('PKCS#8 PEM with literal \\n', async () => {
    const pair = await generateP256();
    expect(await signsFor(pair.pkcs8Pem.replace(/\n/g, '\\n'), pair.spkiDer)).toBe(true);
  });

  it('PKCS#8 base64 DER without PEM lines', async () => {
    const pair = await generateP256();
    const body = pair.pkcs8Pem.replace(/-----[A-Z ]+-----|\n/g, '');
    expect(await signsFor(body, pair.spkiDer)).toBe(true);
  });

  it('SEC1 EC PRIVATE KEY PEM from OpenSSL', async () => {
    const { privateKey, publicKey } = generateNodeKey('ec');
    const sec1 = privateKey.export({ type: 'sec1', format: 'pem' }) as string;
    const spki = publicKey.export({ type: 'spki', format: 'der' });
    expect(sec1).toContain('BEGIN EC PRIVATE KEY');
    expect(await signsFor(sec1, spki)).toBe(true);
  });

  it('SEC1 PEM after an EC PARAMETERS block', async () => {
    const { privateKey, publicKey } = generateNodeKey('ec');
    const sec1 = privateKey.export({ type: 'sec1', format: 'pem' }) as string;
    // The OID of prime256v1, as `openssl ecparam -genkey` writes before the key.
    const parameters = toPem('EC PARAMETERS', Buffer.from('06082a8648ce3d030107', 'hex'));
    const spki = publicKey.export({ type: 'spki', format: 'der' });
    expect(await signsFor(parameters + sec1, spki)).toBe(true);
  });

  it('SEC1 DER without the curve or public key', async () => {
    const { privateKey, publicKey } = generateNodeKey('ec');
    const jwk = privateKey.export({ format: 'jwk' });
    const scalar = Buffer.from(jwk.d as string, 'base64url');
    // SEQUENCE { INTEGER 1, OCTET STRING scalar }: the smallest valid ECPrivateKey.
    const der = Buffer.concat([Buffer.from([0x30, 0x25, 0x02, 0x01, 0x01, 0x04, 0x20]), scalar]);
    const spki = publicKey.export({ type: 'spki', format: 'der' });
    expect(await signsFor(toPem('EC PRIVATE KEY', der), spki)).toBe(true);
  });

  it('JWK object and JWK JSON text', async () => {
    const pair = await generateP256();
    expect(await signsFor(pair.jwk, pair.spkiDer)).toBe(true);
    expect(await signsFor(JSON.stringify(pair.jwk), pair.spkiDer)).toBe(true);
  });

  it('JWK with key_ops and ext from another tool', async () => {
    const pair = await generateP256();
    const jwk = { ...pair.jwk, key_ops: ['verify'], ext: false, use: 'sig', alg: 'ES256' };
    expect(await signsFor(jwk, pair.spkiDer)).toBe(true);
  });

  it('CryptoKey', async () => {
    const pair = await generateP256();
    expect(await signsFor(pair.privateKey, pair.spkiDer)).toBe(true);
  });
});

describe('rejected private keys', () => {
  it('RSA PKCS#8 PEM', () => {
    const pem = generateNodeKey('rsa').privateKey.export({ type: 'pkcs8', format: 'pem' });
    const { problem, message } = problemOf(pem);
    expect(problem).toBe('rsa');
    expect(message).toMatch(/is an RSA key/);
    expect(message).toMatch(/EC P-256/);
    expect(message).toMatch(/High Mobility console/);
  });

  it('RSA PKCS#1 PEM', () => {
    const pem = generateNodeKey('rsa').privateKey.export({ type: 'pkcs1', format: 'pem' });
    expect(problemOf(pem).problem).toBe('rsa');
  });

  it('P-384 PKCS#8 and SEC1', () => {
    const { privateKey } = generateNodeKey('ec', { namedCurve: 'P-384' });
    for (const type of ['pkcs8', 'sec1'] as const) {
      const { problem, message } = problemOf(privateKey.export({ type, format: 'pem' }));
      expect(problem).toBe('wrong-curve');
      expect(message).toMatch(/curve P-384 \(secp384r1\), not on P-256/);
    }
  });

  it('secp256k1 PKCS#8', () => {
    const { privateKey } = generateNodeKey('ec', { namedCurve: 'secp256k1' });
    expect(problemOf(privateKey.export({ type: 'pkcs8', format: 'pem' })).message).toMatch(
      /curve secp256k1/,
    );
  });

  it('Ed25519 PEM and JWK', () => {
    const { privateKey } = generateNodeKey('ed25519');
    const fromPem = problemOf(privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(fromPem.problem).toBe('ed25519');
    expect(fromPem.message).toMatch(/Ed25519 key/);
    expect(problemOf(privateKey.export({ format: 'jwk' })).problem).toBe('ed25519');
  });

  it('public key PEM, DER, JWK and CryptoKey', async () => {
    const pair = await generateP256();
    const publicJwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const cases: unknown[] = [
      toPem('PUBLIC KEY', pair.spkiDer),
      toPem('PRIVATE KEY', pair.spkiDer),
      publicJwk,
      pair.publicKey,
    ];
    for (const input of cases) {
      const { problem, message } = problemOf(input);
      expect(problem).toBe('public-key');
      expect(message).toMatch(/contains only a public key/);
    }
  });

  it('encrypted PKCS#8 PEM', () => {
    const pem = generateNodeKey('ec').privateKey.export({
      type: 'pkcs8',
      format: 'pem',
      cipher: 'aes-256-cbc',
      passphrase: 'test-passphrase',
    });
    const { problem, message } = problemOf(pem);
    expect(problem).toBe('encrypted');
    expect(message).toMatch(/openssl pkey/);
  });

  it('garbled PEM body', async () => {
    const pair = await generateP256();
    const garbled = pair.pkcs8Pem.replace(/\n(.{10})/, '\n$1#');
    const { problem, message } = problemOf(garbled);
    expect(problem).toBe('malformed');
    expect(message).toMatch(/not base64 \(U\+0023\)/);
  });

  it('PEM cut before the END line', async () => {
    const pair = await generateP256();
    const { problem, message } = problemOf(pair.pkcs8Pem.slice(0, 80));
    expect(problem).toBe('truncated');
    expect(message).toMatch(/no '-----END PRIVATE KEY-----' line/);
  });

  it('PEM body cut short with an END line', async () => {
    const pair = await generateP256();
    const lines = pair.pkcs8Pem.trim().split('\n');
    const cut = [lines[0], lines[1], lines.at(-1)].join('\n');
    const { problem, message } = problemOf(cut);
    expect(problem).toBe('truncated');
    expect(message).toMatch(/declares \d+ bytes but only \d+ remain/);
  });

  it('damaged scalar fails at import', async () => {
    const pair = await generateP256();
    const jwk = { ...pair.jwk, d: Buffer.alloc(32, 0xff).toString('base64url') };
    const prepared = preparePrivateKey(jwk);
    await expect(importPreparedKey(prepared)).rejects.toMatchObject({
      code: 'ERR_AUTH_INVALID_PRIVATE_KEY',
      problem: 'malformed',
    });
  });

  it('ECDH CryptoKey and CryptoKey without sign', async () => {
    const ecdh = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, [
      'deriveBits',
    ])) as CryptoKeyPair;
    expect(problemOf(ecdh.privateKey).problem).toBe('wrong-usage');
    const pair = await generateP256();
    const verifyOnly = await crypto.subtle
      .importKey('jwk', pair.jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, [])
      .catch(() => undefined);
    if (verifyOnly !== undefined) {
      expect(problemOf(verifyOnly).problem).toBe('wrong-usage');
    }
  });

  it('non-key values', () => {
    for (const input of [undefined, null, 42, ['a'], '', '   ']) {
      const { problem } = problemOf(input);
      expect(['unsupported-format', 'malformed']).toContain(problem);
    }
  });

  it('unknown PEM label and certificate', () => {
    expect(problemOf(toPem('FOO', Buffer.from([1]))).problem).toBe('unsupported-format');
    expect(problemOf(toPem('CERTIFICATE', Buffer.from([1]))).problem).toBe('public-key');
  });

  it('JWK text that is not JSON hides the text', () => {
    const { message } = problemOf('{"kty":"EC","d":"c2VjcmV0LXNjYWxhcg"');
    expect(message).toMatch(/not valid JWK JSON/);
    expect(message).not.toContain('c2VjcmV0LXNjYWxhcg');
  });

  it('messages never contain key material', async () => {
    const pair = await generateP256();
    const body = pair.pkcs8Pem.split('\n')[1] as string;
    const inputs = [
      pair.pkcs8Pem.slice(0, 100),
      pair.pkcs8Pem.replace(/\n(.{10})/, '\n$1#'),
      { ...pair.jwk, crv: 'P-384' },
    ];
    for (const input of inputs) {
      const { message } = problemOf(input);
      expect(message).not.toContain(body.slice(0, 16));
      expect(message).not.toContain(pair.jwk.d);
    }
  });
});
