import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchReport } from '../src/report.js';
import { requiredBenchmarks } from '../src/suite.js';

// The suite runs once, as CI runs it, and every test below reads its report. No test judges a
// time: CI machines differ too much, and the short mode measures too little to compare.
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'hm-bench-'));
const outFile = join(outDir, 'short.json');
let report: BenchReport;
let exitStatus: number | null;
let stderr: string;

beforeAll(() => {
  const run = spawnSync(process.execPath, [cli, '--short', '--out', outFile], {
    encoding: 'utf8',
    timeout: 170_000,
  });
  exitStatus = run.status;
  stderr = run.stderr;
  report = JSON.parse(readFileSync(outFile, 'utf8')) as BenchReport;
}, 180_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe('bench --short', () => {
  it('exits with status 0', () => {
    expect(exitStatus, stderr).toBe(0);
  });

  it('has no failed files', () => {
    expect(report.failures).toEqual([]);
  });

  it('has every required benchmark', () => {
    expect(report.missing).toEqual([]);
    const names = report.results.map((result) => result.name);
    for (const required of requiredBenchmarks) {
      const found = required.name.endsWith('.')
        ? names.some((name) => name.startsWith(required.name))
        : names.includes(required.name);
      expect(found, `no result named ${required.name}`).toBe(true);
    }
  });

  it('records the short mode and the machine', () => {
    expect(report.mode).toBe('short');
    expect(report.machine.node).toBe(process.version);
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.machine.cpu).not.toBe('');
  });

  it('summarizes every result with finite numbers', () => {
    for (const result of report.results) {
      const { subject, baseline, ratio } = result.summary;
      expect(Number.isFinite(subject.median), `${result.name} subject median`).toBe(true);
      expect(subject.runs, `${result.name} subject runs`).toBe(result.subject.samples.length);
      if (result.baseline === undefined) continue;
      expect(baseline?.runs, `${result.name} baseline runs`).toBe(result.baseline.samples.length);
      expect(Number.isFinite(ratio?.median), `${result.name} ratio median`).toBe(true);
      expect(ratio?.p25, `${result.name} ratio p25`).toBeLessThanOrEqual(ratio?.median ?? NaN);
      expect(ratio?.p75, `${result.name} ratio p75`).toBeGreaterThanOrEqual(ratio?.median ?? NaN);
    }
  });

  it('measures comparisons over repeated runs', () => {
    for (const result of report.results.filter((entry) => entry.baseline !== undefined)) {
      expect(result.subject.samples.length, `${result.name} runs`).toBeGreaterThanOrEqual(3);
    }
  });
});
