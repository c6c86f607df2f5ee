/** Brands that `POST /v1/fleets/vehicles` accepts, as listed by the fleet clearance reference. */
export const clearanceBrands = [
  'bmw',
  'citroen',
  'ds',
  'mercedes-benz',
  'mini',
  'opel',
  'peugeot',
  'vauxhall',
  'jeep',
  'fiat',
  'alfaromeo',
  'ford',
  'renault',
  'dacia',
  'toyota',
  'lexus',
  'porsche',
  'maserati',
  'kia',
  'tesla',
  'volvo-cars',
  'skoda',
  'audi',
  'volkswagen',
  'seat',
  'cupra',
  'polestar',
  'sandbox',
] as const;

/** Brands that `POST /v1/eligibility` accepts, as listed by the eligibility reference. */
export const eligibilityBrands = [
  'mercedes-benz',
  'ford',
  'bmw',
  'mini',
  'citroen',
  'peugeot',
  'opel',
  'vauxhall',
  'ds',
  'jeep',
  'fiat',
  'alfaromeo',
  'renault',
  'toyota',
  'lexus',
  'volvo-cars',
  'sandbox',
] as const;

/** A brand accepted by the fleet clearance endpoints. */
export type Brand = (typeof clearanceBrands)[number];

/**
 * Brands for which a pending clearance can be canceled by `DELETE /v1/fleets/vehicles/{vin}`:
 * Mercedes-Benz, the Volkswagen group brands and the Stellantis brands, plus the sandbox brand.
 */
export const cancelableBrands: ReadonlySet<string> = new Set([
  'mercedes-benz',
  'volkswagen',
  'audi',
  'skoda',
  'seat',
  'cupra',
  'citroen',
  'ds',
  'opel',
  'peugeot',
  'vauxhall',
  'jeep',
  'fiat',
  'alfaromeo',
  'maserati',
  'sandbox',
]);

/** Returns whether `value` is a brand accepted by the fleet clearance endpoints. */
export function isClearanceBrand(value: unknown): value is Brand {
  return typeof value === 'string' && (clearanceBrands as readonly string[]).includes(value);
}
