import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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

const hm = (args: string[], input?: string) =>
  runHm(args, home.env, { env: mock.secretEnv, ...(input === undefined ? {} : { input }) });

/** A tag value no other test uses, so list filters see only this test's clearances. */
const runTag = () => `run=${Math.random().toString(36).slice(2, 10)}`;

async function writeFleetFile(name: string, content: string): Promise<string> {
  const path = join(home.dir, name);
  await writeFile(path, content);
  return path;
}

describe.concurrent('hm clearance request', () => {
  it('requests VINs given as arguments', async () => {
    const [first, second] = [uniqueVin(), uniqueVin()];
    const result = await hm([
      'clearance',
      'request',
      first,
      second,
      '--brand',
      'sandbox',
      '--tag',
      'depot=berlin',
    ]);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/VIN\s+BRAND\s+STATUS\s+DETAIL/);
    expect(result.stdout).toMatch(new RegExp(`${first}\\s+sandbox\\s+pending\\s+depot=berlin`));
    expect(result.stdout).toMatch(new RegExp(`${second}\\s+sandbox\\s+pending`));
    expect(result.stdout).toContain('Requested clearance for 2 vehicle(s): 2 pending.');
    expect(mock.mock.getClearance(first)?.tags).toEqual({ depot: 'berlin' });
  });

  it('prints vehicles and counts with --json', async () => {
    const vin = uniqueVin();
    const result = await hm(['clearance', 'request', vin, '--brand', 'sandbox', '--json']);
    const body = JSON.parse(result.stdout);

    expect(result.code).toBe(0);
    expect(body).toEqual({
      vehicles: [{ vin, brand: 'sandbox', status: 'pending', tags: {} }],
      counts: { pending: 1 },
    });
  });

  it('reads a CSV fleet file with a header', async () => {
    const [first, second] = [uniqueVin(), uniqueVin()];
    const csv = [
      'vin,brand,tags,tag.depot',
      `${first},sandbox,"owner=fleet;cost=a,b",berlin`,
      '',
      `${second.toLowerCase()},,,munich`,
    ].join('\r\n');
    const file = await writeFleetFile('fleet-header.csv', csv);
    const result = await hm([
      'clearance',
      'request',
      '--file',
      file,
      '--brand',
      'sandbox',
      '--json',
    ]);

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).counts).toEqual({ pending: 2 });
    expect(mock.mock.getClearance(first)?.tags).toEqual({
      owner: 'fleet',
      cost: 'a,b',
      depot: 'berlin',
    });
    expect(mock.mock.getClearance(second)?.tags).toEqual({ depot: 'munich' });
  });

  it('reads a CSV fleet file without a header', async () => {
    const [first, second] = [uniqueVin(), uniqueVin()];
    const file = await writeFleetFile(
      'fleet-plain.csv',
      `${first},sandbox\n${second},sandbox,depot=hamburg\n`,
    );
    const result = await hm(['clearance', 'request', '--file', file]);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 pending');
    expect(mock.mock.getClearance(second)?.tags).toEqual({ depot: 'hamburg' });
  });

  it('reads JSON fleet files in both shapes', async () => {
    const [first, second, third] = [uniqueVin(), uniqueVin(), uniqueVin()];
    const wrapped = await writeFleetFile(
      'wrapped.json',
      JSON.stringify({ vehicles: [{ vin: first, brand: 'sandbox', tags: { depot: 'bonn' } }] }),
    );
    const bare = await writeFleetFile('bare.json', JSON.stringify([second, { vin: third }]));
    const wrappedResult = await hm(['clearance', 'request', '--file', wrapped]);
    const bareResult = await hm(['clearance', 'request', '--file', bare, '--brand', 'sandbox']);

    expect(wrappedResult.code).toBe(0);
    expect(mock.mock.getClearance(first)?.tags).toEqual({ depot: 'bonn' });
    expect(bareResult.code).toBe(0);
    expect(mock.mock.getClearance(third)?.status).toBeDefined();
  });

  it('reads the fleet from stdin', async () => {
    const vin = uniqueVin();
    const result = await hm(
      ['clearance', 'request', '--file', '-', '--brand', 'sandbox'],
      `${vin}\n`,
    );

    expect(result.code).toBe(0);
    expect(mock.mock.getClearance(vin)?.brand).toBe('sandbox');
  });

  it('lists every invalid entry and sends nothing', async () => {
    const good = uniqueVin();
    const file = await writeFleetFile(
      'broken.csv',
      [
        'vin,brand',
        `${good},sandbox`,
        'SHORTVIN,sandbox',
        `${uniqueVin()},tesla-x`,
        `${good},sandbox`,
      ].join('\n'),
    );
    const result = await hm(['clearance', 'request', '--file', file]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('3 vehicles are invalid');
    expect(result.stderr).toContain(`Invalid VIN "SHORTVIN" (line 3 of ${file})`);
    expect(result.stderr).toContain(`Unknown brand "tesla-x" (line 4 of ${file})`);
    expect(result.stderr).toContain(
      `VIN ${good} is listed twice (line 2 of ${file} and line 5 of ${file})`,
    );
    expect(mock.mock.getClearance(good)).toBeUndefined();
  });

  it('counts problems beyond the first ten', async () => {
    const lines = Array.from({ length: 12 }, (_, index) => `BAD${index},sandbox`);
    const file = await writeFleetFile('many-bad.csv', lines.join('\n'));
    const result = await hm(['clearance', 'request', '--file', file]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('12 vehicles are invalid');
    expect(result.stderr).toContain('Invalid VIN "BAD9"');
    expect(result.stderr).not.toContain('Invalid VIN "BAD10"');
    expect(result.stderr).toContain('... and 2 more');
  });

  it('names the file for unreadable and malformed input', async () => {
    const missing = join(home.dir, 'missing.csv');
    const badJson = await writeFleetFile('bad.json', '[{"vin": ');
    const unclosed = await writeFleetFile(
      'unclosed.csv',
      'vin,brand\n"2HM00000000000001,sandbox\n',
    );
    const missingResult = await hm(['clearance', 'request', '--file', missing]);
    const jsonResult = await hm(['clearance', 'request', '--file', badJson]);
    const csvResult = await hm(['clearance', 'request', '--file', unclosed]);

    expect(missingResult.code).toBe(2);
    expect(missingResult.stderr).toContain(`Could not read the fleet file ${missing} (ENOENT)`);
    expect(jsonResult.code).toBe(2);
    expect(jsonResult.stderr).toContain(`The fleet file ${badJson} is not valid JSON`);
    expect(csvResult.code).toBe(2);
    expect(csvResult.stderr).toContain('starts on line 2 is never closed');
  });

  it('asks for vehicles and a brand', async () => {
    const none = await hm(['clearance', 'request']);
    const noBrand = await hm(['clearance', 'request', uniqueVin()]);
    const badBrand = await hm(['clearance', 'request', uniqueVin(), '--brand', 'trabant']);
    const badTag = await hm([
      'clearance',
      'request',
      uniqueVin(),
      '--brand',
      'sandbox',
      '--tag',
      'depot',
    ]);

    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Missing vehicles');
    expect(noBrand.code).toBe(2);
    expect(noBrand.stderr).toContain('Missing brand');
    expect(badBrand.code).toBe(2);
    expect(badBrand.stderr).toContain('Valid brands: alfaromeo, audi, bmw');
    expect(badTag.code).toBe(2);
    expect(badTag.stderr).toContain('Invalid --tag "depot": use key=value');
  });

  it('exits 1 when a batch fails', async () => {
    const own = await startTestMock();
    try {
      own.mock.injectFault('POST /v1/fleets/vehicles', { type: 'status', status: 422 });
      const [first, second] = [uniqueVin(), uniqueVin()];
      const args = [
        'clearance',
        'request',
        first,
        second,
        '--brand',
        'sandbox',
        '--batch-size',
        '1',
      ];
      const result = await runHm(args, home.env, { env: own.secretEnv });

      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/failed\s+POST \/v1\/fleets\/vehicles failed with HTTP 422/);
      expect(result.stdout).toMatch(/pending/);
      expect(result.stderr).toContain('1 of 2 vehicle(s) were not accepted');
    } finally {
      await own.close();
    }
  });
});

describe.concurrent('hm clearance list', () => {
  async function requestTagged(count: number, tag: string): Promise<string[]> {
    const vins = Array.from({ length: count }, () => uniqueVin());
    const result = await hm(['clearance', 'request', ...vins, '--brand', 'sandbox', '--tag', tag]);
    expect(result.code).toBe(0);
    return vins;
  }

  it('filters by tag and prints a table', async () => {
    const tag = runTag();
    const vins = await requestTagged(2, tag);
    const result = await hm(['clearance', 'list', '--tag', tag]);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/VIN\s+BRAND\s+STATUS\s+CHANGED\s+TAGS/);
    for (const vin of vins) expect(result.stdout).toContain(vin);
    expect(result.stdout).toContain('2 clearance(s).');
  });

  it('filters by status, VIN, brand and time', async () => {
    const tag = runTag();
    const [first, second] = await requestTagged(2, tag);
    mock.mock.setClearanceStatus(first as string, 'rejected', { reason: 'Owner declined' });
    const list = async (...args: string[]) => {
      const result = await hm(['clearance', 'list', '--tag', tag, '--json', ...args]);
      expect(result.code).toBe(0);
      return (JSON.parse(result.stdout).clearances as Array<{ vin: string }>).map(
        (item) => item.vin,
      );
    };

    const both = [first, second].sort();
    const [rejected, anyOf, byVin, byVins, byBrand, recent, future] = await Promise.all([
      list('--status', 'rejected'),
      list('--status', 'rejected,pending,approved'),
      list('--vin', second as string),
      list('--vin', `${first},${second}`),
      list('--brand', 'bmw'),
      list('--brand', 'sandbox', '--since', '1h'),
      list('--since', '2999-01-01'),
    ]);

    expect(rejected).toEqual([first]);
    expect(anyOf.sort()).toEqual(both);
    expect(byVin).toEqual([second]);
    expect(byVins.sort()).toEqual(both);
    expect(byBrand).toEqual([]);
    expect(recent.sort()).toEqual(both);
    expect(future).toEqual([]);
  });

  it('prints the list shape with --json', async () => {
    const tag = runTag();
    const [vin] = await requestTagged(1, tag);
    const result = await hm(['clearance', 'list', '--tag', tag, '--json']);
    const [clearance] = JSON.parse(result.stdout).clearances;

    expect(Object.keys(JSON.parse(result.stdout))).toEqual(['clearances']);
    expect(clearance.vin).toBe(vin);
    expect(clearance.brand).toBe('sandbox');
    expect(clearance.tags).toEqual(Object.fromEntries([tag.split('=')]));
    expect(clearance.changelog[0].status).toBe('pending');
  });

  it('reports an empty match', async () => {
    const result = await hm(['clearance', 'list', '--tag', runTag()]);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No clearances match the filters.');
  });

  it('rejects invalid filters with exit 2', async () => {
    const status = await hm(['clearance', 'list', '--status', 'done']);
    const since = await hm(['clearance', 'list', '--since', 'last week']);
    const vin = await hm(['clearance', 'list', '--vin', 'ABC']);

    expect(status.code).toBe(2);
    expect(status.stderr).toContain('Invalid --status "done": use one of pending, approved');
    expect(since.code).toBe(2);
    expect(since.stderr).toContain('Invalid --since "last week"');
    expect(vin.code).toBe(2);
    expect(vin.stderr).toContain('Invalid VIN "ABC" (--vin)');
  });
});

describe.concurrent('hm clearance debug output', () => {
  it('logs requests without secrets', async () => {
    const result = await hm(['clearance', 'list', '--tag', runTag(), '--debug']);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`debug: GET ${mock.url}/v1/fleets/vehicles?filter=`);
    expect(result.stderr).toMatch(/debug: auth info: /);
    expect(result.stderr).toMatch(/debug: client debug: Request finished/);
  });
});

describe.concurrent('hm clearance get and delete', () => {
  it('shows a clearance and its history', async () => {
    const vin = uniqueVin();
    mock.mock.setClearanceStatus(vin, 'rejected', { brand: 'bmw', reason: 'Owner declined' });
    const human = await hm(['clearance', 'get', vin]);
    const json = await hm(['clearance', 'get', vin, '--json']);

    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/status\s+rejected/);
    expect(human.stdout).toMatch(/brand\s+bmw/);
    expect(human.stdout).toMatch(/TIME\s+STATUS\s+REASON/);
    expect(human.stdout).toMatch(/rejected\s+Owner declined/);
    expect(JSON.parse(json.stdout)).toMatchObject({ vin, brand: 'bmw', status: 'rejected' });
  });

  it('explains an unknown VIN with exit 1', async () => {
    const vin = uniqueVin();
    const result = await hm(['clearance', 'get', vin]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('HTTP 404');
    expect(result.stderr).toContain(`No clearance exists for VIN ${vin}`);
    expect(result.stderr).toContain(`hm clearance request ${vin} --brand <brand>`);
  });

  it('revokes an approved clearance', async () => {
    const vin = uniqueVin();
    mock.mock.setClearanceStatus(vin, 'approved', { brand: 'sandbox' });
    const human = await hm(['clearance', 'delete', vin]);
    const again = await hm(['clearance', 'delete', vin, '--json']);

    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`The clearance of ${vin} is now revoking; it becomes revoked`);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(JSON.parse(again.stderr).error).toMatchObject({ exitCode: 1, kind: 'api', status: 409 });
    expect(JSON.parse(again.stderr).error.message).toContain(`hm clearance get ${vin}`);
  });

  it('prints the delete response with --json', async () => {
    const vin = uniqueVin();
    mock.mock.setClearanceStatus(vin, 'pending', { brand: 'sandbox' });
    const result = await hm(['clearance', 'delete', vin, '--json']);

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ vin, status: 'canceling', tags: {} });
  });
});

describe.concurrent('hm clearance wait', () => {
  it('waits until approved', async () => {
    const vin = uniqueVin();
    await hm(['clearance', 'request', vin, '--brand', 'sandbox']);
    const result = await hm(['clearance', 'wait', vin, '--interval', '100ms']);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/status\s+approved/);
    expect(result.stdout).toMatch(/Reached approved after \d+ s\./);
    // Progress goes to a terminal only; this stderr is a pipe.
    expect(result.stderr).toBe('');
  });

  it('waits for another status with --json', async () => {
    const vin = uniqueVin();
    mock.mock.setClearanceStatus(vin, 'approved', { brand: 'sandbox' });
    await hm(['clearance', 'delete', vin]);
    const result = await hm([
      'clearance',
      'wait',
      vin,
      '--until',
      'revoked',
      '--interval',
      '100ms',
      '--json',
    ]);

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ vin, status: 'revoked' });
  });

  it('stops with exit 1 on a rejection', async () => {
    const vin = uniqueVin();
    mock.mock.setClearanceOutcome(vin, { status: 'rejected', reason: 'Owner declined' });
    await hm(['clearance', 'request', vin, '--brand', 'sandbox']);
    const result = await hm(['clearance', 'wait', vin, '--interval', '100ms']);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`The clearance of ${vin} is rejected (Owner declined)`);
    expect(result.stderr).toContain('can no longer become approved');
  });

  it('stops when the status cannot follow', async () => {
    const vin = uniqueVin();
    mock.mock.setClearanceStatus(vin, 'approved', { brand: 'sandbox' });
    const result = await hm(['clearance', 'wait', vin, '--until', 'canceled']);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is approved and can no longer become canceled');
  });

  it('times out with exit 4', async () => {
    const vin = uniqueVin();
    mock.mock.setClearanceOutcome(vin, { status: 'manual' });
    await hm(['clearance', 'request', vin, '--brand', 'sandbox']);
    const result = await hm([
      'clearance',
      'wait',
      vin,
      '--timeout',
      '500ms',
      '--interval',
      '100ms',
    ]);

    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`waiting for the clearance of ${vin} to become approved`);
    expect(result.stderr).toContain('it is still pending. Raise --timeout');
  });

  it('rejects invalid options with exit 2', async () => {
    const vin = uniqueVin();
    const until = await hm(['clearance', 'wait', vin, '--until', 'done']);
    const timeout = await hm(['clearance', 'wait', vin, '--timeout', 'soon']);
    const missing = await hm(['clearance', 'wait', vin]);

    expect(until.code).toBe(2);
    expect(until.stderr).toContain('Invalid --until "done"');
    expect(timeout.code).toBe(2);
    expect(timeout.stderr).toContain('Invalid --timeout "soon": use a number with a unit');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('HTTP 404');
  });
});

describe.concurrent('hm clearance', () => {
  it('names the subcommands', async () => {
    const none = await hm(['clearance']);
    const unknown = await hm(['clearance', 'approve']);

    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: hm clearance <subcommand>');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown subcommand "approve"');
    expect(unknown.stderr).toContain('request, list, get, delete, wait');
  });
});
