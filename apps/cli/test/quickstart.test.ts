import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHome, expectNoSecrets, type RunResult, runHm } from './support/cli.js';

let home: Awaited<ReturnType<typeof createTestHome>>;
let result: RunResult;
let jsonResult: RunResult;
let debugResult: RunResult;

beforeAll(async () => {
  home = await createTestHome();
  // One run per mode serves every check: each waits for a clearance, which takes seconds.
  [result, jsonResult, debugResult] = await Promise.all([
    runHm(['quickstart'], home.env),
    runHm(['quickstart', '--json'], home.env),
    runHm(['quickstart', '--debug'], home.env),
  ]);
});

afterAll(async () => {
  // The quickstart's secrets are made inside the process; any JWT or PEM in the output is a leak.
  expectNoSecrets([]);
  await home.remove();
});

describe('hm quickstart', () => {
  it('runs every step against the embedded mock', () => {
    const { stdout, stderr } = result;

    expect(result.code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toContain('Got a token with a client secret');
    expect(stdout).toContain('Got a token with a private key (ES256)');
    expect(stdout).toContain('2HM00000000000001: eligible');
    expect(stdout).toContain('Requested a fleet clearance');
    expect(stdout).toContain('Clearance approved');
    // The status the request printed is not repeated as a change.
    expect(stdout).not.toMatch(/Clearance status changed\n\s+2HM00000000000001: pending/);
    expect(stdout).toMatch(/Read the vehicle data\n\s+\d+ capabilities: diagnostics, /);
    expect(stdout).not.toMatch(/capabilities: .*\bbrand\b/);
    expect(stdout).toMatch(/location: -?\d+(\.\d{1,5})?, -?\d+(\.\d{1,5})?\n/);
    expect(stdout).toContain('Done: every step of the flow worked against the mock.');
  });

  it('never prints a token or a secret', () => {
    // Access tokens and assertions are JWTs, which start with the base64url of `{"`.
    expect(result.stdout).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
    expect(result.stdout).not.toContain('PRIVATE KEY');
  });

  it('prints a JSON summary with --json', () => {
    expect(jsonResult.code).toBe(0);
    expect(jsonResult.stderr).toBe('');
    const summary = JSON.parse(jsonResult.stdout);
    expect(Object.keys(summary).sort()).toEqual(['baseUrl', 'steps', 'vin']);
    expect(summary.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(summary.vin).toBe('2HM00000000000001');
    const titles = summary.steps.map((step: { title: string }) => step.title);
    expect(titles[0]).toBe('Started the mock API');
    expect(titles).toContain('Got a token with a private key (ES256)');
    expect(titles).toContain('Clearance approved');
    expect(titles.at(-1)).toBe('Read the vehicle data');
    for (const step of summary.steps) {
      expect(Object.keys(step).sort()).toEqual(['details', 'title']);
      expect(step.details.length).toBeGreaterThan(0);
    }
    expect(summary.steps.at(-1).details[0]).toMatch(/^\d+ capabilities: diagnostics, /);
  });

  it('logs requests on stderr with --debug', () => {
    expect(debugResult.code).toBe(0);
    expect(debugResult.stdout).toContain('Done: every step of the flow worked');
    expect(debugResult.stderr).toMatch(/^debug: .*POST .*\/v1\/access_tokens.* 20\d/m);
    expect(debugResult.stderr).toMatch(
      /^debug: .*GET .*\/v1\/fleets\/vehicles\/2HM00000000000001/m,
    );
  });

  it('rejects an unknown option with exit code 2', async () => {
    const rejected = await runHm(['quickstart', '--nope'], home.env);

    expect(rejected.code).toBe(2);
    expect(rejected.stderr).toContain("Unknown option '--nope'");
  });

  it('rejects an invalid --vin with exit code 2', async () => {
    const rejected = await runHm(['quickstart', '--vin', 'SHORT'], home.env);

    expect(rejected.code).toBe(2);
    expect(rejected.stderr).toContain('Invalid VIN "SHORT"');
  });
});
