import { describe, expect, it } from 'vitest';
import { createMockApi, type MockApi } from '../src/index.js';
import { call, sandboxVin, tokenFor } from './helpers.js';

async function setup(options: Parameters<typeof createMockApi>[0] = {}) {
  const mock = createMockApi({ clock: 'manual', ...options });
  const token = await tokenFor(mock);
  return { mock, token };
}

function requestClearance(mock: MockApi, token: string, vehicles: unknown[]) {
  return call(mock, 'POST', '/v1/fleets/vehicles', { body: { vehicles }, token });
}

describe('clearance lifecycle', () => {
  it('approves a sandbox VIN after the delay', async () => {
    const { mock, token } = await setup({ approvalDelayMs: 1500 });
    const created = await requestClearance(mock, token, [
      { vin: sandboxVin, brand: 'sandbox', tags: { team: 'a' } },
    ]);
    expect(created.status).toBe(200);
    expect(created.body.vehicles).toEqual([
      { vin: sandboxVin, status: 'pending', tags: { team: 'a' } },
    ]);

    mock.clock.advance(1499);
    expect(
      (await call(mock, 'GET', `/v1/fleets/vehicles/${sandboxVin}`, { token })).body.status,
    ).toBe('pending');
    mock.clock.advance(1);
    const { body } = await call(mock, 'GET', `/v1/fleets/vehicles/${sandboxVin}`, { token });
    expect(body.status).toBe('approved');
    expect(body.brand).toBe('sandbox');
    expect(body.tags).toEqual({ team: 'a' });
    expect(body.changelog.map((entry: { status: string }) => entry.status)).toEqual([
      'pending',
      'approved',
    ]);
  });

  it('approves on the real clock without polling', async () => {
    const mock = createMockApi({ approvalDelayMs: 20 });
    const token = await tokenFor(mock);
    const approved = new Promise<string>((resolve) => {
      mock.onClearanceChange((change) => {
        if (change.status !== 'pending') resolve(change.status);
      });
    });
    await requestClearance(mock, token, [{ vin: sandboxVin, brand: 'sandbox' }]);
    expect(await approved).toBe('approved');
  });

  it('approves at once with a zero delay', async () => {
    const { mock, token } = await setup({ approvalDelayMs: 0 });
    const created = await requestClearance(mock, token, [{ vin: sandboxVin, brand: 'sandbox' }]);
    expect(created.body.vehicles[0].status).toBe('approved');
  });

  it('rejects with a reason when told to', async () => {
    const { mock, token } = await setup();
    mock.setClearanceOutcome(sandboxVin, {
      status: 'rejected',
      afterMs: 10,
      reason: 'Owner declined',
    });
    await requestClearance(mock, token, [{ vin: sandboxVin, brand: 'sandbox' }]);
    mock.clock.advance(10);
    const { body } = await call(mock, 'GET', `/v1/fleets/vehicles/${sandboxVin}`, { token });
    expect(body.status).toBe('rejected');
    expect(body.changelog[1]).toMatchObject({ status: 'rejected', reason: 'Owner declined' });
  });

  it('stays pending in manual mode until stepped', async () => {
    const { mock, token } = await setup();
    mock.setClearanceOutcome(sandboxVin, { status: 'manual' });
    await requestClearance(mock, token, [{ vin: sandboxVin, brand: 'sandbox' }]);
    mock.clock.advance(3_600_000);
    expect(mock.getClearance(sandboxVin)?.status).toBe('pending');
    mock.setClearanceStatus(sandboxVin, 'approved');
    expect(mock.getClearance(sandboxVin)?.status).toBe('approved');
  });

  it('revokes an approved clearance on delete', async () => {
    const { mock, token } = await setup({ approvalDelayMs: 0, transitionDelayMs: 100 });
    await requestClearance(mock, token, [{ vin: sandboxVin, brand: 'sandbox' }]);
    const deleted = await call(mock, 'DELETE', `/v1/fleets/vehicles/${sandboxVin}`, { token });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ vin: sandboxVin, status: 'revoking', tags: {} });
    const again = await call(mock, 'DELETE', `/v1/fleets/vehicles/${sandboxVin}`, { token });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].detail).toBe('Clearance is in transition mode');
    mock.clock.advance(100);
    expect(mock.getClearance(sandboxVin)?.status).toBe('revoked');
    const removed = await call(mock, 'DELETE', `/v1/fleets/vehicles/${sandboxVin}`, { token });
    expect(removed.status).toBe(409);
    expect(removed.body.errors[0].detail).toBe('Clearance is already removed');
  });

  it('cancels a pending clearance on delete', async () => {
    const { mock, token } = await setup({ approvalDelayMs: 1000, transitionDelayMs: 100 });
    await requestClearance(mock, token, [{ vin: sandboxVin, brand: 'sandbox' }]);
    const deleted = await call(mock, 'DELETE', `/v1/fleets/vehicles/${sandboxVin}`, { token });
    expect(deleted.body.status).toBe('canceling');
    mock.clock.advance(5000);
    const record = mock.getClearance(sandboxVin);
    expect(record?.status).toBe('canceled');
    expect(record?.changelog.map((entry) => entry.status)).toEqual([
      'pending',
      'canceling',
      'canceled',
    ]);
  });

  it('refuses to cancel brands without cancellation', async () => {
    const { mock, token } = await setup();
    mock.setClearanceOutcome('WBADT43452G296404', { status: 'manual' });
    await requestClearance(mock, token, [{ vin: 'WBADT43452G296404', brand: 'bmw' }]);
    const { status, body } = await call(mock, 'DELETE', '/v1/fleets/vehicles/WBADT43452G296404', {
      token,
    });
    expect(status).toBe(422);
    expect(body.errors[0].source).toBe('vin');
  });

  it('returns 404 for an unknown VIN', async () => {
    const { mock, token } = await setup();
    const got = await call(mock, 'GET', '/v1/fleets/vehicles/UNKN0WNV1N0000000', { token });
    expect(got.status).toBe(404);
    const deleted = await call(mock, 'DELETE', '/v1/fleets/vehicles/UNKN0WNV1N0000000', { token });
    expect(deleted.status).toBe(404);
  });

  it('reports bad batch entries as error items', async () => {
    const { mock, token } = await setup();
    const { status, body } = await requestClearance(mock, token, [
      { vin: 'VIN012345678901234', brand: 'ds' },
      { vin: 'V1N0123456789012X', brand: 'unknown' },
      { vin: sandboxVin, brand: 'sandbox' },
    ]);
    expect(status).toBe(200);
    expect(body.vehicles[0]).toEqual({
      vin: 'VIN012345678901234',
      status: 'error',
      description: 'vin should be 17 character(s)',
    });
    expect(body.vehicles[1]).toEqual({
      vin: 'V1N0123456789012X',
      status: 'error',
      description: 'The brand is invalid',
    });
    expect(body.vehicles[2].status).toBe('pending');
  });
});

describe('vehicle data', () => {
  it('returns 403 before approval and data after', async () => {
    const { mock, token } = await setup({ approvalDelayMs: 50 });
    await requestClearance(mock, token, [{ vin: sandboxVin, brand: 'sandbox' }]);
    const early = await call(mock, 'GET', `/v1/vehicle-data/autoapi-13/${sandboxVin}`, { token });
    expect(early.status).toBe(403);
    expect(early.body.errors[0].detail).toBe('No active consent for this vehicle');
    mock.clock.advance(50);
    const { status, body } = await call(mock, 'GET', `/v1/vehicle-data/autoapi-13/${sandboxVin}`, {
      token,
    });
    expect(status).toBe(200);
    expect(body.diagnostics.odometer[0].data.unit).toBe('kilometers');
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining([
        'diagnostics',
        'charging',
        'vehicle_location',
        'doors',
        'ignition',
        'race',
      ]),
    );
  });

  it('serves the data given to addVehicle', async () => {
    const { mock, token } = await setup({ approvalDelayMs: 0 });
    const data = {
      race: { vehicle_moving: [{ data: 'moving', timestamp: '2024-01-01T00:00:00.000Z' }] },
    };
    mock.addVehicle({ vin: sandboxVin, brand: 'sandbox', data });
    await requestClearance(mock, token, [{ vin: sandboxVin, brand: 'sandbox' }]);
    const { body } = await call(mock, 'GET', `/v1/vehicle-data/autoapi-13/${sandboxVin}`, {
      token,
    });
    expect(body.race).toEqual(data.race);
    expect(body.diagnostics).toBeUndefined();
  });
});

describe('instances', () => {
  it('keep their state apart', async () => {
    const first = await setup({ approvalDelayMs: 0 });
    const second = await setup({ approvalDelayMs: 0 });
    await requestClearance(first.mock, first.token, [{ vin: sandboxVin, brand: 'sandbox' }]);
    expect(first.mock.getClearance(sandboxVin)?.status).toBe('approved');
    expect(second.mock.getClearance(sandboxVin)).toBeUndefined();
    const list = await call(second.mock, 'GET', '/v1/fleets/vehicles', { token: second.token });
    expect(list.body).toEqual([]);
  });
});
