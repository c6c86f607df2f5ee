import { describe, expect, it } from 'vitest';
import type { BenchFile } from '../src/discover.js';
import type { BenchResult } from '../src/protocol.js';
import { buildReport } from '../src/report.js';
import type { FileRun } from '../src/run-file.js';
import { requiredBenchmarks } from '../src/suite.js';
import { formatNumber, renderMarkdownTable, renderTextTable } from '../src/table.js';

const machine = { node: 'v20.0.0', cpu: 'test cpu', cores: 2, memoryGiB: 1, platform: 'test' };
const context = {
  mode: 'short' as const,
  startedAt: new Date(0),
  durationMs: 1,
  machine,
  loadAverage: { start: [0, 0, 0], end: [0, 0, 0] },
};

function fileRun(label: string, results: BenchResult[], problems: string[] = []): FileRun {
  const file: BenchFile = { path: label, label, packageDir: '.', typescript: false };
  return { file, results, problems, durationMs: 1, stderrTail: '' };
}

const paired: BenchResult = {
  name: 'client.overhead-vs-fetch',
  title: 'client vs fetch',
  unit: 'µs',
  subject: { name: 'client', samples: [12, 22, 33] },
  baseline: { name: 'fetch', samples: [10, 20, 30] },
  extra: { requests: 2000, nested: { ignored: true } },
};

describe('buildReport', () => {
  it('computes the paired ratio when missing', () => {
    const report = buildReport([fileRun('a.bench.js', [paired])], context);
    expect(report.results[0]?.summary.ratio?.median).toBeCloseTo(1.1, 10);
    expect(report.results[0]?.summary.baseline?.median).toBe(20);
  });

  it('keeps a ratio the file printed', () => {
    const ratio = { median: 2, p25: 1, p75: 3 };
    const report = buildReport([fileRun('a.bench.js', [{ ...paired, ratio }])], context);
    expect(report.results[0]?.summary.ratio).toEqual(ratio);
  });

  it('reports a name printed twice', () => {
    const report = buildReport(
      [fileRun('a.bench.js', [paired]), fileRun('b.bench.js', [paired])],
      context,
    );
    expect(report.results).toHaveLength(1);
    expect(report.failures[0]?.file).toBe('b.bench.js');
    expect(report.failures[0]?.problems[0]).toMatch(/already printed by a.bench.js/);
  });

  it('reports a zero baseline as a failure', () => {
    const zero = { ...paired, baseline: { name: 'fetch', samples: [0, 1, 1] } };
    const report = buildReport([fileRun('a.bench.js', [zero])], context);
    expect(report.results).toEqual([]);
    expect(report.failures[0]?.problems[0]).toMatch(/Baseline run 0 measured 0/);
  });

  it('lists required benchmarks nobody printed', () => {
    const report = buildReport([fileRun('a.bench.js', [paired])], context);
    const missing = report.missing.map((entry) => entry.name);
    expect(missing).not.toContain('client.overhead-vs-fetch');
    expect(missing).toHaveLength(requiredBenchmarks.length - 1);
  });

  it('accepts any size result for the size prefix', () => {
    const size: BenchResult = {
      name: 'size.auth',
      unit: 'bytes',
      subject: { name: 's', samples: [1] },
    };
    const report = buildReport([fileRun('a.bench.js', [size])], context);
    expect(report.missing.map((entry) => entry.name)).not.toContain('size.');
  });
});

describe('tables', () => {
  const report = buildReport([fileRun('a.bench.js', [paired])], context);

  it('formatNumber drops decimals as numbers grow', () => {
    expect(formatNumber(1234.567)).toBe('1,235');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(1.2345)).toBe('1.23');
    expect(formatNumber(0.12345)).toBe('0.123');
  });

  it('text table shows medians, ratio and notes', () => {
    const text = renderTextTable(report.results);
    expect(text).toContain('client vs fetch');
    expect(text).toContain('22 µs');
    expect(text).toContain('1.1 [1.1-1.15]');
    expect(text).toContain('requests: 2,000');
    expect(text).not.toContain('nested');
  });

  it('markdown table pads every column', () => {
    const lines = renderMarkdownTable(report.results).split('\n');
    const lengths = new Set(lines.map((line) => line.length));
    expect(lengths.size).toBe(1);
  });

  it('markdown table has one row per result', () => {
    const lines = renderMarkdownTable(report.results).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^\| -{26} \| -{15} \| -+ \|/);
    expect(lines[2]).toMatch(
      /^\| `client.overhead-vs-fetch` \| client vs fetch \| 22 µs +\| 20 µs +\|/,
    );
  });
});
