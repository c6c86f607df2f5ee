import type { ApiErrorItem } from './http/responses.js';

// The VIN alphabet: digits and capital letters except I, O and Q (ISO 3779).
const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

/**
 * Describes what is wrong with a VIN, or returns `undefined` for a valid one. The rules match
 * `isValidVin` in `@hm-sdk/client`, so a test against the mock rejects what the client would.
 * The length message is the API's own text.
 */
export function vinProblem(vin: unknown): string | undefined {
  if (typeof vin !== 'string') return 'vin must be a string';
  if (VIN_PATTERN.test(vin)) return undefined;
  if (vin.length !== 17) return 'vin should be 17 character(s)';
  if (/[IOQ]/i.test(vin)) return 'vin must not contain I, O or Q, which VINs never use';
  if (/[a-z]/.test(vin)) return 'vin must be upper case';
  return 'vin must contain only digits and capital letters';
}

/** Builds the API error item for an invalid VIN, pointing at the `vin` field. */
export function invalidVinError(problem: string): ApiErrorItem {
  return { title: 'Invalid VIN', detail: problem, source: 'vin' };
}
