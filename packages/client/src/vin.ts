const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

/**
 * Checks that a VIN has 17 characters from the VIN alphabet (digits and capital letters
 * without I, O and Q) and throws a `TypeError` naming the value when it does not.
 */
export function assertValidVin(vin: string): void {
  if (typeof vin !== 'string' || !VIN_PATTERN.test(vin)) {
    throw new TypeError(
      `Invalid VIN ${JSON.stringify(vin)}: a VIN has 17 characters, digits and capital letters ` +
        'except I, O and Q. Check the value for typos or lower-case letters.',
    );
  }
}
