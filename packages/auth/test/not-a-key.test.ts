import { describe, expect, it } from 'vitest';
import { preparePrivateKey } from '../src/credentials/private-key.js';
import { InvalidPrivateKeyError } from '../src/index.js';
import { generateP256 } from './helpers.js';

/** Returns the error `preparePrivateKey` throws for `input`. */
function errorFor(input: string): InvalidPrivateKeyError {
  try {
    preparePrivateKey(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidPrivateKeyError);
    return error as InvalidPrivateKeyError;
  }
  throw new Error(`Expected ${JSON.stringify(input)} to be rejected.`);
}

describe('privateKey text that is no key', () => {
  for (const input of ['garbage', 'not a key!', 'AAAA']) {
    it(`says ${JSON.stringify(input)} is not a PEM`, () => {
      const error = errorFor(input);

      expect(error.problem).toBe('malformed');
      expect(error.message).toMatch(
        /^The privateKey is not a PEM key: it has no '-----BEGIN' line/,
      );
      expect(error.message).not.toContain('DER length');
    });
  }

  it('still reports a truncated base64 DER key', async () => {
    const pair = await generateP256();
    const body = pair.pkcs8Pem.split('\n').slice(1, 2).join('');

    const error = errorFor(body);

    expect(error.problem).toBe('truncated');
  });
});
