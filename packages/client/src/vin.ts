const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

/**
 * A VIN failed validation before any request was sent. It extends `TypeError` because the
 * caller passed a value the API cannot accept.
 */
export class InvalidVinError extends TypeError {
  override readonly name = 'InvalidVinError';
  /** Stable code for `switch (error.code)`. */
  readonly code = 'ERR_CLIENT_INVALID_VIN';
  /** The rejected value, as passed. */
  readonly vin: unknown;

  constructor(vin: unknown, problem: string) {
    super(
      `Invalid VIN ${JSON.stringify(vin)}: ${problem}. A VIN has 17 characters, digits and ` +
        'capital letters except I, O and Q; check the value for typos.',
    );
    this.vin = vin;
  }
}

/** Checks a VIN without throwing: 17 characters from digits and capital letters except I, O, Q. */
export function isValidVin(vin: unknown): vin is string {
  return typeof vin === 'string' && VIN_PATTERN.test(vin);
}

function describeProblem(vin: unknown): string {
  if (typeof vin !== 'string')
    return `expected a string, got ${vin === null ? 'null' : typeof vin}`;
  if (vin.length !== 17) {
    return `it has ${vin.length} character${vin.length === 1 ? '' : 's'}, not 17`;
  }
  if (/[ioq]/i.test(vin))
    return 'it contains I, O or Q, which VINs never use; the digits 1 and 0 look alike';
  if (/[a-z]/.test(vin)) return 'it contains lower-case letters; VINs are upper case';
  return 'it contains characters other than digits and capital letters';
}

/**
 * Checks that a VIN has 17 characters from the VIN alphabet (digits and capital letters without
 * I, O and Q).
 *
 * @throws InvalidVinError naming the value and what is wrong with it.
 */
export function assertValidVin(vin: unknown): asserts vin is string {
  if (!isValidVin(vin)) throw new InvalidVinError(vin, describeProblem(vin));
}
