import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ClearanceFilterBuilder,
  clearanceFilter,
  type HmClient,
  InvalidVinError,
  serializeQuery,
} from '../src/index.js';
import { type MockHarness, sandboxVin, startHarness } from './support/fixtures.js';

describe('clearanceFilter', () => {
  it('builds one condition per field', () => {
    const filter = clearanceFilter()
      .where('status')
      .in(['approved', 'pending'])
      .where('brand')
      .eq('bmw')
      .where('tags')
      .contains({ depot: 'berlin' })
      .where('approved_at')
      .gte(new Date('2024-01-01T00:00:00Z'))
      .build();

    expect(filter).toEqual({
      status: { operator: 'in', value: ['approved', 'pending'] },
      brand: { operator: 'eq', value: 'bmw' },
      tags: { operator: 'contains', value: { depot: 'berlin' } },
      approved_at: { operator: 'gte', value: '2024-01-01T00:00:00.000Z' },
    });
  });

  it('replaces an earlier condition on the same field', () => {
    const filter = clearanceFilter().where('status').eq('pending').where('status').eq('approved');

    expect(filter.build()).toEqual({ status: { operator: 'eq', value: 'approved' } });
  });

  it('leaves the earlier builder unchanged', () => {
    const base = clearanceFilter().where('brand').eq('bmw');

    base.where('status').eq('approved');

    expect(base.build()).toEqual({ brand: { operator: 'eq', value: 'bmw' } });
  });

  it('serialises to the wire format through JSON.stringify', () => {
    const builder = clearanceFilter().where('vin').eq(sandboxVin(1));

    expect(JSON.parse(JSON.stringify(builder))).toEqual({
      vin: { operator: 'eq', value: sandboxVin(1) },
    });
  });

  it('rejects an invalid VIN, date or list', () => {
    expect(() => clearanceFilter().where('vin').in(['2HM0000000000000I'])).toThrow(InvalidVinError);
    expect(() => clearanceFilter().where('inserted_at').lt('last tuesday')).toThrow(
      /Invalid date for inserted_at: "last tuesday"/,
    );
    expect(() =>
      clearanceFilter()
        .where('status')
        .in('approved' as never),
    ).toThrow(/pass an array/);
  });

  it('rejects an unknown field', () => {
    expect(() => clearanceFilter().where('color' as never)).toThrow(
      /Unknown clearance filter field "color"/,
    );
  });
});

describe('serializeQuery', () => {
  it('encodes reserved and non-ASCII characters', () => {
    const query = serializeQuery({
      filter: { tags: { operator: 'eq', value: { a: 'x&y=z#1 ü+' } } },
    });

    expect(query.startsWith('filter=')).toBe(true);
    expect(query.slice('filter='.length)).not.toMatch(/[&=#+ ü]/u);
    const decoded = new URLSearchParams(query).get('filter');
    expect(JSON.parse(decoded ?? '')).toEqual({
      tags: { operator: 'eq', value: { a: 'x&y=z#1 ü+' } },
    });
  });

  it('skips undefined and null values', () => {
    expect(serializeQuery({ a: undefined, b: null, c: 'd' })).toBe('c=d');
  });
});

describe('listClearances against the mock', () => {
  let harness: MockHarness;
  let client: HmClient;
  const early = sandboxVin(5_001);
  const middle = sandboxVin(5_002);
  const late = sandboxVin(5_003);
  const special = 'Zone & depot = #7, Köln 東京 +50%';
  let middleAt: string;

  beforeAll(async () => {
    harness = await startHarness({
      clock: 'manual',
      startTime: Date.parse('2024-05-01T00:00:00Z'),
    });
    client = harness.client();
    await client.requestClearance([{ vin: early, brand: 'sandbox', tags: { fleet: 'north' } }]);
    harness.mock.clock.advance(60_000);
    middleAt = new Date(harness.mock.clock.now()).toISOString();
    await client.requestClearance([
      { vin: middle, brand: 'sandbox', tags: { fleet: 'south', note: special } },
    ]);
    harness.mock.clock.advance(60_000);
    harness.mock.addVehicle({ vin: late, brand: 'bmw', eligible: false });
    await client.requestClearance([{ vin: late, brand: 'bmw', tags: { fleet: 'south' } }]);
  });
  afterAll(() => harness.server.close());

  type Build = (filter: ClearanceFilterBuilder) => ClearanceFilterBuilder;

  async function vinsFor(build: Build) {
    const clearances = await client.listClearances(build(clearanceFilter()));
    return clearances.map((clearance) => clearance.vin).sort();
  }

  it.each([
    ['vin eq', (f) => f.where('vin').eq(middle), [middle]],
    ['vin in', (f) => f.where('vin').in([early, late]), [early, late]],
    ['status eq', (f) => f.where('status').eq('rejected'), [late]],
    ['status in', (f) => f.where('status').in(['approved', 'rejected']), [early, middle, late]],
    ['brand eq', (f) => f.where('brand').eq('bmw'), [late]],
    ['brand in', (f) => f.where('brand').in(['sandbox', 'audi']), [early, middle]],
    ['tags eq', (f) => f.where('tags').eq({ fleet: 'south' }), [late]],
    ['tags contains', (f) => f.where('tags').contains({ fleet: 'south' }), [middle, late]],
  ] satisfies [string, Build, string[]][])('filters with %s', async (_, build, expected) => {
    expect(await vinsFor(build)).toEqual(expected.sort());
  });

  it.each([
    ['eq', [middle]],
    ['lt', [early]],
    ['gt', [late]],
    ['lte', [early, middle]],
    ['gte', [middle, late]],
  ] as const)('filters inserted_at with %s', async (operator, expected) => {
    expect(await vinsFor((f) => f.where('inserted_at')[operator](middleAt))).toEqual(
      [...expected].sort(),
    );
  });

  it('filters approved_at with a Date', async () => {
    expect(await vinsFor((f) => f.where('approved_at').gte(new Date(middleAt)))).toEqual([middle]);
  });

  it('round-trips reserved and non-ASCII characters in a tag', async () => {
    expect(await vinsFor((f) => f.where('tags').contains({ note: special }))).toEqual([middle]);
  });

  it('accepts a plain filter object', async () => {
    const clearances = await client.listClearances({ vin: { operator: 'eq', value: early } });

    expect(clearances.map((clearance) => clearance.vin)).toEqual([early]);
  });

  it('checks the VINs of a plain filter object', async () => {
    const before = harness.mock.requests.length;

    await expect(
      client.listClearances({ vin: { operator: 'in', value: ['nope'] } }),
    ).rejects.toThrow(InvalidVinError);
    expect(harness.mock.requests.length).toBe(before);
  });

  it('lists everything without a filter', async () => {
    const clearances = await client.listClearances();

    expect(clearances).toHaveLength(3);
  });
});
