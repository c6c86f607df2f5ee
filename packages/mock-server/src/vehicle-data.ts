import type { VehicleData } from './state/vehicles.js';

/**
 * Builds the default vehicle data for a VIN in the Auto API 13 shape: capability, then property,
 * then a list of `{ data, timestamp }` values. The values are fixed per VIN (derived from its
 * characters), so repeated reads return the same vehicle, and timestamps follow the mock clock.
 */
export function sampleVehicleData(vin: string, now: number): VehicleData {
  const timestamp = new Date(now - 60_000).toISOString();
  const seed = [...vin].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) % 100_000, 7);
  const at = <T>(data: T) => [{ data, timestamp }];
  const fraction = (offset: number) => Math.round(((seed + offset) % 90) + 10) / 100;

  return {
    diagnostics: {
      odometer: at({ value: 10_000 + (seed % 90_000), unit: 'kilometers' }),
      speed: at({ value: 0, unit: 'kilometers_per_hour' }),
      fuel_level: at(fraction(3)),
      battery_voltage: at({ value: 12.6, unit: 'volts' }),
      tire_pressures: [
        { data: { location: 'front_left', pressure: { value: 2.4, unit: 'bars' } }, timestamp },
        { data: { location: 'front_right', pressure: { value: 2.4, unit: 'bars' } }, timestamp },
        { data: { location: 'rear_left', pressure: { value: 2.6, unit: 'bars' } }, timestamp },
        { data: { location: 'rear_right', pressure: { value: 2.6, unit: 'bars' } }, timestamp },
      ],
    },
    charging: {
      battery_level: at(fraction(11)),
      status: at('not_charging'),
      estimated_range: at({ value: 100 + (seed % 300), unit: 'kilometers' }),
      plugged_in: at('disconnected'),
    },
    vehicle_location: {
      coordinates: at({
        latitude: 52.52 + (seed % 100) / 10_000,
        longitude: 13.405 + (seed % 77) / 10_000,
      }),
      heading: at({ value: seed % 360, unit: 'degrees' }),
      altitude: at({ value: 34, unit: 'meters' }),
    },
    doors: {
      locks_state: at('locked'),
      locks: [
        { data: { location: 'front_left', lock_state: 'locked' }, timestamp },
        { data: { location: 'front_right', lock_state: 'locked' }, timestamp },
        { data: { location: 'rear_right', lock_state: 'locked' }, timestamp },
        { data: { location: 'rear_left', lock_state: 'locked' }, timestamp },
      ],
    },
    ignition: {
      state: at('off'),
    },
    race: {
      vehicle_moving: at('not_moving'),
    },
  };
}
