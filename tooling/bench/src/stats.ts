import type { Spread } from './protocol.js';

/**
 * Returns the q-quantile (0 <= q <= 1) of `values` with linear interpolation between the two
 * nearest ranks, the method spreadsheets call PERCENTILE.INC.
 * @throws RangeError when `values` is empty or `q` is outside [0, 1].
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) {
    throw new RangeError('Cannot take a quantile of an empty list: measure at least one run.');
  }
  if (!(q >= 0 && q <= 1)) {
    throw new RangeError(`Invalid quantile ${q}: pass a number from 0 to 1.`);
  }
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

/** Returns the median and the 25th and 75th percentiles of `values`. */
export function spreadOf(values: readonly number[]): Spread {
  return {
    median: quantile(values, 0.5),
    p25: quantile(values, 0.25),
    p75: quantile(values, 0.75),
  };
}

/** Summary of one sample set as stored in the results file. */
export interface SampleSummary extends Spread {
  min: number;
  max: number;
  runs: number;
}

/** Returns the spread, extremes and count of `values`. */
export function summarize(values: readonly number[]): SampleSummary {
  return {
    ...spreadOf(values),
    min: Math.min(...values),
    max: Math.max(...values),
    runs: values.length,
  };
}

/**
 * Returns the spread of the per-run ratios subject[i] / baseline[i]. Pairing runs that ran back
 * to back cancels most of the drift a busy machine adds, which a ratio of two medians would keep.
 * @throws RangeError when the lists differ in length or a baseline sample is zero.
 */
export function pairedRatio(subject: readonly number[], baseline: readonly number[]): Spread {
  if (subject.length !== baseline.length) {
    throw new RangeError(
      `Cannot pair ${subject.length} subject runs with ${baseline.length} baseline runs: measure both the same number of times.`,
    );
  }
  const ratios = subject.map((value, index) => {
    const base = baseline[index] as number;
    if (base === 0) {
      throw new RangeError(`Baseline run ${index} measured 0, so no ratio can be formed.`);
    }
    return value / base;
  });
  return spreadOf(ratios);
}
