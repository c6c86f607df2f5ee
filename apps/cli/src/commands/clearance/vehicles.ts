import type { ClearanceRequestVehicle } from '@hm-sdk/openapi';
import { CliError, usageError } from '../../errors.js';
import type { FleetEntry } from '../../fleet-file.js';
import { clearanceBrands, parseBrand, parseVin } from '../../validation.js';

/** Most problems listed in one error; the rest are counted. */
const MAX_LISTED_PROBLEMS = 10;

/** Checks one entry; `seen` maps each VIN checked so far to where it was. */
function toVehicle(
  entry: FleetEntry,
  defaultBrand: string | undefined,
  tags: Record<string, string>,
  seen: Map<string, string>,
): ClearanceRequestVehicle {
  const vin = parseVin(entry.vin, entry.where);
  const brandText = entry.brand ?? defaultBrand;
  if (brandText === undefined) {
    throw usageError(
      `Missing brand for ${vin} (${entry.where}): pass --brand or add a brand column.`,
    );
  }
  const brandWhere = entry.brand === undefined ? '--brand' : entry.where;
  const brand = parseBrand(brandText, clearanceBrands, 'clearance', brandWhere);
  const first = seen.get(vin);
  if (first !== undefined) {
    throw usageError(`VIN ${vin} is listed twice (${first} and ${entry.where}).`);
  }
  seen.set(vin, entry.where);
  // Tags from the entry override the --tag values of the same key.
  const vehicleTags = { ...tags, ...entry.tags };
  return Object.keys(vehicleTags).length > 0 ? { vin, brand, tags: vehicleTags } : { vin, brand };
}

/**
 * Checks every entry and returns the vehicles to request. All problems are collected first and
 * thrown as one usage error, so a fleet file can be fixed in one pass.
 *
 * @param defaultBrand - `--brand`, for entries without a brand of their own
 * @param tags - `--tag` values, added to every vehicle
 */
export function buildVehicles(
  entries: FleetEntry[],
  defaultBrand: string | undefined,
  tags: Record<string, string>,
): ClearanceRequestVehicle[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const vehicles: ClearanceRequestVehicle[] = [];
  for (const entry of entries) {
    try {
      vehicles.push(toVehicle(entry, defaultBrand, tags, seen));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length === 1) throw usageError(problems[0] as string);
  if (problems.length > 1) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((problem) => `  - ${problem}`);
    const rest = problems.length - listed.length;
    if (rest > 0) listed.push(`  ... and ${rest} more`);
    throw usageError(`${problems.length} vehicles are invalid:\n${listed.join('\n')}`);
  }
  return vehicles;
}
