import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type DiagnosticsCapability,
  openApiDocument,
  type VehicleData,
  type VehicleDataCapability,
} from '../src/index.js';
import { loadReferenceJson, referenceAvailable, referenceSkipReason } from './support/reference.js';
import { createSchemaValidator } from './support/schema-validator.js';

const validator = createSchemaValidator(openApiDocument);
const recordedAt = '2024-05-02T08:15:00.000Z';

/** A response with one property of each typed capability, plus two generic capabilities. */
const sample = {
  vin: 'EXVETESTV1N000001',
  brand: 'mercedes_benz',
  request_id: 'a8306c7c-9f57-453c-8189-d06118944770',
  diagnostics: {
    odometer: [{ data: { value: 12_345.6, unit: 'kilometers' }, timestamp: recordedAt }],
    fuel_level: [{ data: 0.42, timestamp: recordedAt }],
    tire_pressures: [
      {
        data: { location: 'front_left', pressure: { value: 2.4, unit: 'bars' } },
        timestamp: recordedAt,
      },
    ],
  },
  charging: {
    status: [{ data: 'charging', timestamp: recordedAt }],
    battery_level: [{ failure: { reason: 'privacy_mode_active', description: 'Privacy mode' } }],
  },
  vehicle_location: {
    coordinates: [{ data: { latitude: 52.52, longitude: 13.405 }, timestamp: recordedAt }],
  },
  doors: {
    locks: [{ data: { location: 'front_left', lock_state: 'locked' }, timestamp: recordedAt }],
  },
  ignition: { state: [{ data: 'on', timestamp: recordedAt }] },
  maintenance: {
    distance_to_next_service: [
      { data: { value: 3000, unit: 'kilometers' }, timestamp: recordedAt },
    ],
  },
  usage: {
    trip_meters: [
      { data: { id: 1, distance: { value: 12, unit: 'miles' } }, timestamp: recordedAt },
    ],
  },
  race: { vehicle_moving: [{ data: 'moving', timestamp: recordedAt }] },
  trips: { anything: [{ data: { nested: true }, timestamp: recordedAt }] },
} satisfies VehicleData;

describe('VehicleData schema', () => {
  it('accepts every typed capability and unknown ones', () => {
    expect(validator.errors('VehicleData', sample)).toEqual([]);
  });

  it('rejects a unit outside the enum', () => {
    const wrongUnit = structuredClone(sample) as Record<string, unknown>;
    wrongUnit.diagnostics = {
      odometer: [{ data: { value: 1, unit: 'parsecs' }, timestamp: recordedAt }],
    };

    expect(validator.errors('VehicleData', wrongUnit)).not.toEqual([]);
  });

  it('rejects a single reading without a list', () => {
    const notAList = { diagnostics: { speed: { data: { value: 3, unit: 'knots' } } } };

    expect(validator.errors('VehicleData', notAList)).not.toEqual([]);
  });

  it('rejects an unknown failure reason', () => {
    const badFailure = {
      charging: { status: [{ failure: { reason: 'on_fire', description: 'Unknown' } }] },
    };

    expect(validator.errors('VehicleData', badFailure)).not.toEqual([]);
  });

  it('types capabilities property by property', () => {
    type Odometer = NonNullable<DiagnosticsCapability['odometer']>[number];
    expectTypeOf<NonNullable<Odometer['data']>['unit']>().toExtend<string>();
    expectTypeOf<'kilometers'>().toExtend<NonNullable<Odometer['data']>['unit']>();
    expectTypeOf<'parsecs'>().not.toExtend<NonNullable<Odometer['data']>['unit']>();
    expectTypeOf<VehicleData['race']>().toEqualTypeOf<VehicleDataCapability | undefined>();
  });
});

const exampleTitle = referenceAvailable
  ? 'reference vehicle data example'
  : `reference vehicle data example (${referenceSkipReason})`;

// The example lives outside the repository, so a checkout without it skips this test.
describe.skipIf(!referenceAvailable)(exampleTitle, () => {
  it('matches the VehicleData schema', () => {
    const example = loadReferenceJson('vehicle-data-example.json');

    expect(validator.errors('VehicleData', example)).toEqual([]);
  });
});
