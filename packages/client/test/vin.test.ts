import { describe, expect, it } from 'vitest';
import { assertValidVin, InvalidVinError } from '../src/vin.js';

/** Returns the message `assertValidVin` throws for `vin`. */
function messageFor(vin: unknown): string {
  try {
    assertValidVin(vin);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidVinError);
    return (error as Error).message;
  }
  throw new Error(`Expected ${JSON.stringify(vin)} to be rejected.`);
}

describe('assertValidVin length message', () => {
  it('uses the singular for one character', () => {
    expect(messageFor('A')).toContain('it has 1 character, not 17');
  });

  it('uses the plural for other lengths', () => {
    expect(messageFor('')).toContain('it has 0 characters, not 17');
    expect(messageFor('ABC')).toContain('it has 3 characters, not 17');
  });
});
