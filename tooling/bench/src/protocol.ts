/**
 * The line protocol between a benchmark file and the runner. A benchmark file prints one JSON
 * object per line on stdout, each a {@link BenchResult}; everything else goes to stderr.
 * README.md in this package documents the same rules for authors of benchmark files.
 */

/** The measurements of one side of a comparison, one sample per repeated run. */
export interface SampleSet {
  /** Label of the measured code, for example `getToken()` or `bare fetch`. */
  name: string;
  /** One finite number per run, all in the result's `unit`. */
  samples: number[];
}

/** Median and interquartile range of a list of numbers. */
export interface Spread {
  median: number;
  p25: number;
  p75: number;
}

/** One benchmark result, as printed by a benchmark file. */
export interface BenchResult {
  /** Unique id, `<area>.<topic>` in kebab case, for example `auth.get-token-warm`. */
  name: string;
  /** Short label for the table; defaults to `name`. */
  title?: string;
  /** Unit of every sample, for example `ops/s`, `ms`, `bytes` or `requests`. */
  unit: string;
  /** Direction in which the subject's numbers improve. */
  better?: 'higher' | 'lower';
  /** The code under test. */
  subject: SampleSet;
  /** The bare alternative measured in the same process, run i paired with subject run i. */
  baseline?: SampleSet;
  /** Spread of the per-run ratios subject / baseline; the runner fills it in when missing. */
  ratio?: Spread;
  /** Further facts about the run: counts, sizes, settings. Values must be JSON. */
  extra?: Record<string, unknown>;
}

const namePattern = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;

/**
 * Checks one parsed stdout line against the protocol and returns the list of problems, each a
 * sentence naming the field. An empty list means the value is a valid {@link BenchResult}.
 */
export function validateResult(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return ['the line is not a JSON object'];
  }
  const record = value as Record<string, unknown>;
  const problems: string[] = [];

  if (typeof record.name !== 'string' || !namePattern.test(record.name)) {
    problems.push(
      `name ${JSON.stringify(record.name)} is invalid: use <area>.<topic> in kebab case, like auth.get-token-warm`,
    );
  }
  if (record.title !== undefined && typeof record.title !== 'string') {
    problems.push('title must be a string when present');
  }
  if (typeof record.unit !== 'string' || record.unit.trim() === '') {
    problems.push('unit is missing: give the unit of the samples, like ops/s or ms');
  }
  if (record.better !== undefined && record.better !== 'higher' && record.better !== 'lower') {
    problems.push(`better must be 'higher' or 'lower', got ${JSON.stringify(record.better)}`);
  }

  problems.push(...validateSampleSet(record.subject, 'subject'));
  if (record.baseline !== undefined) {
    problems.push(...validateSampleSet(record.baseline, 'baseline'));
  }
  if (record.ratio !== undefined) {
    problems.push(...validateSpread(record.ratio, 'ratio'));
  } else if (record.baseline !== undefined && !samePairCount(record.subject, record.baseline)) {
    problems.push(
      'subject and baseline have different sample counts, so runs cannot be paired: print the same number of runs, or give ratio yourself',
    );
  }
  if (
    record.extra !== undefined &&
    (typeof record.extra !== 'object' || record.extra === null || Array.isArray(record.extra))
  ) {
    problems.push('extra must be an object when present');
  }
  return problems;
}

function validateSampleSet(value: unknown, field: string): string[] {
  if (typeof value !== 'object' || value === null) {
    return [`${field} is missing: give { name, samples: number[] }`];
  }
  const set = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof set.name !== 'string' || set.name === '') {
    problems.push(`${field}.name is missing`);
  }
  if (!Array.isArray(set.samples) || set.samples.length === 0) {
    problems.push(`${field}.samples must be a non-empty array of numbers`);
  } else if (
    !set.samples.every((sample) => typeof sample === 'number' && Number.isFinite(sample))
  ) {
    problems.push(`${field}.samples contains a value that is not a finite number`);
  }
  return problems;
}

function samePairCount(subject: unknown, baseline: unknown): boolean {
  const count = (set: unknown) => (set as { samples?: unknown[] } | null)?.samples?.length;
  return count(subject) === count(baseline);
}

function validateSpread(value: unknown, field: string): string[] {
  if (typeof value !== 'object' || value === null) {
    return [`${field} must be { median, p25, p75 }`];
  }
  const spread = value as Record<string, unknown>;
  return (['median', 'p25', 'p75'] as const)
    .filter((key) => typeof spread[key] !== 'number' || !Number.isFinite(spread[key]))
    .map((key) => `${field}.${key} must be a finite number`);
}
