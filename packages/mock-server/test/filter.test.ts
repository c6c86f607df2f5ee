import { beforeEach, describe, expect, it } from 'vitest';
import { createMockApi, type MockApi } from '../src/index.js';
import { call, tokenFor } from './helpers.js';

const start = Date.parse('2024-05-01T10:00:00.000Z');
const vinA = 'SANDB0XV1N000000A';
const vinB = 'SANDB0XV1N000000B';
const vinC = 'WBADT43452G296403';

let mock: MockApi;
let token: string;

async function list(filter: unknown): Promise<{ status: number; vins: string[]; body: unknown }> {
  const query = filter === undefined ? '' : `?filter=${encodeURIComponent(JSON.stringify(filter))}`;
  const { status, body } = await call(mock, 'GET', `/v1/fleets/vehicles${query}`, { token });
  const vins = Array.isArray(body) ? body.map((item: { vin: string }) => item.vin).sort() : [];
  return { status, vins, body };
}

beforeEach(async () => {
  // A approved at +1 s, B requested at +60 s and approved at +61 s, C (bmw) rejected.
  mock = createMockApi({ clock: 'manual', startTime: start, approvalDelayMs: 1000 });
  token = await tokenFor(mock);
  mock.setClearanceOutcome(vinC, { status: 'rejected', afterMs: 1000 });
  await call(mock, 'POST', '/v1/fleets/vehicles', {
    token,
    body: {
      vehicles: [
        { vin: vinA, brand: 'sandbox', tags: { depot: 'berlin', team: 'a' } },
        { vin: vinC, brand: 'bmw', tags: { depot: 'munich' } },
      ],
    },
  });
  mock.clock.advance(60_000);
  await call(mock, 'POST', '/v1/fleets/vehicles', {
    token,
    body: { vehicles: [{ vin: vinB, brand: 'sandbox', tags: { depot: 'berlin' } }] },
  });
  mock.clock.advance(1000);
});

describe('clearance filter', () => {
  it('returns everything without a filter', async () => {
    expect((await list(undefined)).vins).toEqual([vinA, vinB, vinC]);
  });

  it('supports eq and in on vin, status and brand', async () => {
    expect((await list({ vin: { operator: 'eq', value: vinA } })).vins).toEqual([vinA]);
    expect((await list({ vin: { operator: 'in', value: [vinA, vinC] } })).vins).toEqual([
      vinA,
      vinC,
    ]);
    expect((await list({ status: { operator: 'eq', value: 'rejected' } })).vins).toEqual([vinC]);
    expect(
      (await list({ status: { operator: 'in', value: ['approved', 'rejected'] } })).vins,
    ).toEqual([vinA, vinB, vinC]);
    expect((await list({ brand: { operator: 'eq', value: 'bmw' } })).vins).toEqual([vinC]);
    expect((await list({ brand: { operator: 'in', value: ['sandbox'] } })).vins).toEqual([
      vinA,
      vinB,
    ]);
  });

  it('supports eq and contains on tags', async () => {
    expect((await list({ tags: { operator: 'eq', value: { depot: 'berlin' } } })).vins).toEqual([
      vinB,
    ]);
    expect(
      (await list({ tags: { operator: 'contains', value: { depot: 'berlin' } } })).vins,
    ).toEqual([vinA, vinB]);
  });

  it('compares inserted_at with every operator', async () => {
    const second = new Date(start + 60_000).toISOString();
    expect((await list({ inserted_at: { operator: 'eq', value: second } })).vins).toEqual([vinB]);
    expect((await list({ inserted_at: { operator: 'lt', value: second } })).vins).toEqual([
      vinA,
      vinC,
    ]);
    expect((await list({ inserted_at: { operator: 'lte', value: second } })).vins).toEqual([
      vinA,
      vinB,
      vinC,
    ]);
    expect((await list({ inserted_at: { operator: 'gt', value: second } })).vins).toEqual([]);
    expect((await list({ inserted_at: { operator: 'gte', value: second } })).vins).toEqual([vinB]);
  });

  it('compares approved_at and skips unapproved clearances', async () => {
    const firstApproval = new Date(start + 1000).toISOString();
    expect((await list({ approved_at: { operator: 'eq', value: firstApproval } })).vins).toEqual([
      vinA,
    ]);
    expect((await list({ approved_at: { operator: 'gt', value: firstApproval } })).vins).toEqual([
      vinB,
    ]);
    expect((await list({ approved_at: { operator: 'gte', value: firstApproval } })).vins).toEqual([
      vinA,
      vinB,
    ]);
    expect((await list({ approved_at: { operator: 'lt', value: firstApproval } })).vins).toEqual(
      [],
    );
    expect((await list({ approved_at: { operator: 'lte', value: firstApproval } })).vins).toEqual([
      vinA,
    ]);
  });

  it('combines conditions with and', async () => {
    const filter = {
      brand: { operator: 'eq', value: 'sandbox' },
      tags: { operator: 'contains', value: { team: 'a' } },
    };
    expect((await list(filter)).vins).toEqual([vinA]);
  });

  it('rejects invalid filters with 422', async () => {
    const cases: Array<[string, unknown]> = [
      ['not JSON', '{'],
      ['unknown field', { color: { operator: 'eq', value: 'red' } }],
      ['unknown operator', { vin: { operator: 'like', value: 'A' } }],
      ['in without array', { status: { operator: 'in', value: 'approved' } }],
      ['bad date', { inserted_at: { operator: 'lt', value: 'yesterday' } }],
      ['tags as string', { tags: { operator: 'eq', value: 'berlin' } }],
    ];
    for (const [name, filter] of cases) {
      const raw = typeof filter === 'string' ? filter : JSON.stringify(filter);
      const { status, body } = await call(
        mock,
        'GET',
        `/v1/fleets/vehicles?filter=${encodeURIComponent(raw)}`,
        {
          token,
        },
      );
      expect(status, name).toBe(422);
      expect(body.errors[0].source, name).toBe('filter');
    }
  });
});
