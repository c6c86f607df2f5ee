import { describe, expect, it } from 'vitest';
import { decodeJwt } from '../src/jwt.js';

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('decodeJwt', () => {
  it('decodes header and claims', () => {
    const token = `${encode({ alg: 'ES256', typ: 'JWT' })}.${encode({ sub: 'app', exp: 1, name: 'Zoë' })}.sig`;
    expect(decodeJwt(token)).toEqual({
      header: { alg: 'ES256', typ: 'JWT' },
      payload: { sub: 'app', exp: 1, name: 'Zoë' },
    });
  });

  it('rejects tokens without three parts', () => {
    expect(() => decodeJwt('opaque-token')).toThrow('expected 3 dot-separated parts, got 1');
  });

  it('rejects parts that are not JSON objects', () => {
    expect(() => decodeJwt(`${encode({ alg: 'none' })}.bm90IGpzb24.sig`)).toThrow(
      'the payload is not base64url-encoded JSON',
    );
    expect(() => decodeJwt(`${encode([1, 2])}.${encode({})}.sig`)).toThrow(
      'the header is not a JSON object',
    );
  });
});
