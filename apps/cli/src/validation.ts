import type { Brand, ClearanceRecordStatus, EligibilityBrand } from '@hm-sdk/openapi';
import { usageError } from './errors.js';

// Each list is written as a record keyed by the OpenAPI enum, so the compiler rejects a missing or
// unknown value when the document changes.
const clearanceBrandKeys: Record<Brand, true> = {
  alfaromeo: true,
  audi: true,
  bmw: true,
  citroen: true,
  cupra: true,
  dacia: true,
  ds: true,
  fiat: true,
  ford: true,
  jeep: true,
  kia: true,
  lexus: true,
  maserati: true,
  'mercedes-benz': true,
  mini: true,
  opel: true,
  peugeot: true,
  polestar: true,
  porsche: true,
  renault: true,
  sandbox: true,
  seat: true,
  skoda: true,
  tesla: true,
  toyota: true,
  vauxhall: true,
  volkswagen: true,
  'volvo-cars': true,
};
const eligibilityBrandKeys: Record<EligibilityBrand, true> = {
  alfaromeo: true,
  bmw: true,
  citroen: true,
  ds: true,
  fiat: true,
  ford: true,
  jeep: true,
  lexus: true,
  'mercedes-benz': true,
  mini: true,
  opel: true,
  peugeot: true,
  renault: true,
  sandbox: true,
  toyota: true,
  vauxhall: true,
  'volvo-cars': true,
};
const clearanceStatusKeys: Record<ClearanceRecordStatus, true> = {
  pending: true,
  approved: true,
  rejected: true,
  revoking: true,
  revoked: true,
  canceling: true,
  canceled: true,
};

/** Brands that fleet clearance accepts, in the spelling the API uses. */
export const clearanceBrands = Object.keys(clearanceBrandKeys) as Brand[];

/** Brands that the eligibility check accepts. */
export const eligibilityBrands = Object.keys(eligibilityBrandKeys) as EligibilityBrand[];

/** Statuses a stored clearance can have. */
export const clearanceStatuses = Object.keys(clearanceStatusKeys) as ClearanceRecordStatus[];

const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

/**
 * Checks a VIN and returns it in upper case. A VIN has 17 characters: digits and capital letters
 * except I, O and Q.
 *
 * @param where - where the value came from, such as `argument` or `line 4 of fleet.csv`
 */
export function parseVin(value: string, where = 'argument'): string {
  const vin = value.trim().toUpperCase();
  if (VIN_PATTERN.test(vin)) return vin;
  const problem =
    vin.length === 17
      ? 'it contains a character outside the VIN alphabet (I, O and Q are never used)'
      : `it has ${vin.length} characters instead of 17`;
  throw usageError(
    `Invalid VIN "${value}" (${where}): ${problem}. Check the VIN on the vehicle registration.`,
  );
}

function suggestBrand(value: string, brands: readonly string[]): string {
  const key = value.toLowerCase().replace(/[\s_]/g, '-');
  const match =
    brands.find((brand) => brand === key) ??
    brands.find((brand) => brand.startsWith(key) || key.startsWith(brand));
  return match === undefined ? '' : ` Did you mean "${match}"?`;
}

/**
 * Checks a brand against a list of valid brands and returns it in lower case, the spelling the
 * API uses. The error lists every valid brand.
 *
 * @param purpose - which endpoint the brand is for, named in the error
 * @param where - where the value came from, such as `line 4 of fleet.csv`, named in the error
 */
export function parseBrand<const B extends string>(
  value: string,
  brands: readonly B[],
  purpose: 'eligibility' | 'clearance',
  where?: string,
): B {
  const brand = value.trim().toLowerCase();
  if ((brands as readonly string[]).includes(brand)) return brand as B;
  const location = where === undefined ? '' : ` (${where})`;
  throw usageError(
    `Unknown brand "${value}"${location} for ${purpose}.${suggestBrand(value, brands)} ` +
      `Valid brands: ${brands.join(', ')}.`,
  );
}

/** Checks a clearance status, naming the valid ones in the error. */
export function parseStatus(value: string, option: string): ClearanceRecordStatus {
  if ((clearanceStatuses as readonly string[]).includes(value)) {
    return value as ClearanceRecordStatus;
  }
  throw usageError(`Invalid ${option} "${value}": use one of ${clearanceStatuses.join(', ')}.`);
}

/** Parses `key=value` into a pair; `option` names the flag in the error. */
export function parseTag(value: string, option: string): [string, string] {
  const index = value.indexOf('=');
  if (index <= 0) {
    throw usageError(`Invalid ${option} "${value}": use key=value, such as depot=berlin.`);
  }
  return [value.slice(0, index), value.slice(index + 1)];
}

/** Splits repeated and comma-separated option values into one list, dropping empty items. */
export function splitList(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((value) => value.split(','))
    .map((item) => item.trim())
    .filter(Boolean);
}
