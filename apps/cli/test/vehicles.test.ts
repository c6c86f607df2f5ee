import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHome, expectNoSecrets, runHm } from './support/cli.js';
import { startTestMock, type TestMock, uniqueVin } from './support/mock.js';

let mock: TestMock;
let home: Awaited<ReturnType<typeof createTestHome>>;

beforeAll(async () => {
  [mock, home] = await Promise.all([startTestMock(), createTestHome()]);
});

afterAll(async () => {
  expectNoSecrets(mock.secrets);
  await Promise.all([mock.close(), home.remove()]);
});

const hm = (args: string[]) => runHm(args, home.env, { env: mock.secretEnv });

describe.concurrent('hm eligibility', () => {
  it('shows an eligible sandbox vehicle', async () => {
    const vin = uniqueVin();
    const result = await hm(['eligibility', vin, '--brand', 'sandbox']);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(new RegExp(`VIN\\s+${vin}`));
    expect(result.stdout).toMatch(/eligible\s+yes/);
    expect(result.stdout).toMatch(/data delivery\s+pull, push/);
  });

  it('prints the API shape with --json', async () => {
    const vin = uniqueVin();
    const result = await hm(['eligibility', vin, '--brand', 'sandbox', '--json']);

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      vin,
      eligible: true,
      data_delivery: ['pull', 'push'],
    });
  });

  it('reports a vehicle that is not eligible with exit 0', async () => {
    const vin = uniqueVin();
    mock.mock.addVehicle({ vin, brand: 'bmw', eligible: false, connectivityStatus: 'deactivated' });
    const result = await hm(['eligibility', vin, '--brand', 'bmw']);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/eligible\s+no/);
    expect(result.stdout).toMatch(/data delivery\s+none/);
    expect(result.stdout).toMatch(/connectivity\s+deactivated/);
  });

  it('accepts VIN and brand in any case', async () => {
    const vin = uniqueVin();
    const result = await hm(['eligibility', vin.toLowerCase(), '--brand', 'Sandbox', '--json']);

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).vin).toBe(vin);
  });

  it('rejects an invalid VIN with exit 2', async () => {
    const short = await hm(['eligibility', 'WVW123', '--brand', 'sandbox']);
    const letterO = await hm(['eligibility', '2HM0000000000000O', '--brand', 'sandbox']);

    expect(short.code).toBe(2);
    expect(short.stderr).toContain('Invalid VIN "WVW123"');
    expect(short.stderr).toContain('6 characters instead of 17');
    expect(letterO.code).toBe(2);
    expect(letterO.stderr).toContain('I, O and Q are never used');
    expect(
      mock.mock.requests.some(
        (request) =>
          request.path === '/v1/eligibility' && JSON.stringify(request.body).includes('WVW123'),
      ),
    ).toBe(false);
  });

  it('lists the valid brands for an unknown one', async () => {
    const result = await hm(['eligibility', uniqueVin(), '--brand', 'Mercedes']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown brand "Mercedes"');
    expect(result.stderr).toContain('Did you mean "mercedes-benz"?');
    expect(result.stderr).toContain('Valid brands: alfaromeo, bmw, citroen');
    expect(result.stderr).toContain('sandbox');
  });

  it('asks for --brand and a VIN', async () => {
    const noBrand = await hm(['eligibility', uniqueVin()]);
    const noVin = await hm(['eligibility', '--brand', 'sandbox']);
    const twoVins = await hm(['eligibility', uniqueVin(), uniqueVin(), '--brand', 'sandbox']);

    expect(noBrand.code).toBe(2);
    expect(noBrand.stderr).toContain('Missing --brand');
    expect(noVin.code).toBe(2);
    expect(noVin.stderr).toContain('expects a VIN');
    expect(twoVins.code).toBe(2);
    expect(twoVins.stderr).toContain('Unexpected argument');
  });

  it('exits 3 when the token lacks the scope', async () => {
    const app = mock.mock.registerApp({ scopes: ['vehicle:data'] });
    const result = await runHm(['eligibility', uniqueVin(), '--brand', 'sandbox'], home.env, {
      env: { HM_ENV: mock.url, HM_CLIENT_ID: app.clientId, HM_CLIENT_SECRET: app.clientSecret },
    });

    expect(result.code).toBe(3);
    expect(result.stderr).toContain('HTTP 401');
    expect(result.stderr).toContain('vehicle:eligibility-check');
    expect(result.stderr).not.toContain(app.clientSecret);
  });
});

describe.concurrent('hm vehicle-data', () => {
  const approvedVin = () => {
    const vin = uniqueVin();
    mock.mock.setClearanceStatus(vin, 'approved', { brand: 'sandbox' });
    return vin;
  };

  it('shows each capability and property', async () => {
    const vin = approvedVin();
    const result = await hm(['vehicle-data', vin]);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/CAPABILITY\s+PROPERTY\s+VALUE\s+UPDATED/);
    expect(result.stdout).toMatch(/diagnostics\s+odometer\s+\d+ kilometers\s+\d{4}-/);
    expect(result.stdout).toMatch(/tire_pressures\s+front_left: 2\.4 bars/);
    expect(result.stdout).toMatch(/\n\s+front_right: 2\.4 bars/);
    expect(result.stdout).toMatch(/vehicle_location\s+coordinates\s+52\.\d+, 13\.\d+/);
  });

  it('keeps only the chosen capabilities', async () => {
    const vin = approvedVin();
    const human = await hm(['vehicle-data', vin, '--capability', 'doors']);
    const json = await hm(['vehicle-data', vin, '--capability', 'doors,charging', '--json']);
    const body = JSON.parse(json.stdout);

    expect(human.code).toBe(0);
    expect(human.stdout).toContain('locks_state');
    expect(human.stdout).not.toContain('odometer');
    expect(json.code).toBe(0);
    expect(body.vin).toBe(vin);
    expect(body.brand).toBe('sandbox');
    expect(Object.keys(body)).toContain('doors');
    expect(Object.keys(body)).toContain('charging');
    expect(Object.keys(body)).not.toContain('diagnostics');
  });

  it('lists the capabilities for an unknown one', async () => {
    const result = await hm(['vehicle-data', approvedVin(), '--capability', 'engine']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no capability "engine"');
    expect(result.stderr).toContain('diagnostics, charging, vehicle_location');
  });

  it('explains the missing clearance with exit 1', async () => {
    const vin = uniqueVin();
    const result = await hm(['vehicle-data', vin]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('HTTP 403');
    expect(result.stderr).toContain('No active consent');
    expect(result.stderr).toContain(`hm clearance request ${vin}`);
    expect(result.stderr).toMatch(/Request id: [\w-]+/);
  });
});
