import { describe, expect, it } from 'vitest';
import { pairedRatio, quantile, spreadOf, summarize } from '../src/stats.js';

describe('quantile', () => {
  it.each([
    { values: [5], q: 0.5, want: 5 },
    { values: [1, 2, 3, 4], q: 0.5, want: 2.5 },
    { values: [4, 1, 3, 2], q: 0.25, want: 1.75 },
    { values: [10, 20, 30, 40, 50], q: 0.75, want: 40 },
    { values: [10, 20, 30], q: 0, want: 10 },
    { values: [10, 20, 30], q: 1, want: 30 },
  ])('interpolates $values at $q', ({ values, q, want }) => {
    expect(quantile(values, q)).toBeCloseTo(want, 10);
  });

  it('rejects an empty list', () => {
    expect(() => quantile([], 0.5)).toThrow(/empty list/);
  });

  it('rejects q outside 0..1', () => {
    expect(() => quantile([1], 1.5)).toThrow(/Invalid quantile 1.5/);
  });

  it('leaves the input order alone', () => {
    const values = [3, 1, 2];
    quantile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('summaries', () => {
  it('spreadOf returns median and quartiles', () => {
    expect(spreadOf([1, 2, 3, 4, 5])).toEqual({ median: 3, p25: 2, p75: 4 });
  });

  it('summarize adds extremes and run count', () => {
    const summary = summarize([7, 3, 5]);
    expect(summary.min).toBe(3);
    expect(summary.max).toBe(7);
    expect(summary.runs).toBe(3);
  });
});

describe('pairedRatio', () => {
  it('takes the spread of per-run ratios', () => {
    const ratio = pairedRatio([2, 6, 4], [1, 2, 4]);
    expect(ratio.median).toBe(2);
    expect(ratio.p25).toBe(1.5);
    expect(ratio.p75).toBe(2.5);
  });

  it('differs from the ratio of medians', () => {
    // Drift that hits both sides of a run cancels out in the pairs.
    const ratio = pairedRatio([10, 20, 40], [5, 10, 20]);
    expect(ratio).toEqual({ median: 2, p25: 2, p75: 2 });
  });

  it('rejects lists of different length', () => {
    expect(() => pairedRatio([1, 2], [1])).toThrow(/Cannot pair 2 subject runs with 1/);
  });

  it('rejects a zero baseline', () => {
    expect(() => pairedRatio([1], [0])).toThrow(/Baseline run 0 measured 0/);
  });
});
