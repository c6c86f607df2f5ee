import { describe, expect, it } from 'vitest';
import { validateResult } from '../src/protocol.js';
import { parseOutput } from '../src/run-file.js';

const valid = {
  name: 'auth.get-token-warm',
  unit: 'ops/s',
  subject: { name: 'getToken()', samples: [10, 11, 12] },
  baseline: { name: 'Map.get', samples: [20, 21, 22] },
};

describe('validateResult', () => {
  it('accepts a complete result', () => {
    expect(validateResult(valid)).toEqual([]);
  });

  it('accepts a result without baseline', () => {
    expect(validateResult({ name: 'size.auth', unit: 'bytes', subject: valid.subject })).toEqual(
      [],
    );
  });

  it.each([
    ['a name without area', { ...valid, name: 'warm' }, /name "warm" is invalid/],
    ['a name in camel case', { ...valid, name: 'auth.getToken' }, /name "auth.getToken"/],
    ['a missing unit', { ...valid, unit: undefined }, /unit is missing/],
    ['a wrong better', { ...valid, better: 'faster' }, /better must be 'higher' or 'lower'/],
    ['a missing subject', { ...valid, subject: undefined }, /subject is missing/],
    [
      'empty samples',
      { ...valid, subject: { name: 'x', samples: [] } },
      /subject.samples must be a non-empty array/,
    ],
    [
      'a NaN sample',
      { ...valid, baseline: { name: 'x', samples: [1, null, 3] } },
      /baseline.samples contains a value that is not a finite number/,
    ],
    [
      'unpaired samples',
      { ...valid, baseline: { name: 'x', samples: [1, 2] } },
      /different sample counts/,
    ],
    ['a partial ratio', { ...valid, ratio: { median: 1 } }, /ratio.p25 must be a finite number/],
    ['extra as a list', { ...valid, extra: [1] }, /extra must be an object/],
  ])('rejects %s', (_case, value, message) => {
    const problems = validateResult(value);
    expect(problems.join('\n')).toMatch(message);
  });

  it('rejects values that are not objects', () => {
    expect(validateResult([valid])).toEqual(['the line is not a JSON object']);
  });
});

describe('parseOutput', () => {
  it('reads one result per line and skips blank lines', () => {
    const second = { ...valid, name: 'auth.cold-callers' };
    const { results, problems } = parseOutput(
      `${JSON.stringify(valid)}\n\n${JSON.stringify(second)}\n`,
    );
    expect(problems).toEqual([]);
    expect(results.map((result) => result.name)).toEqual([
      'auth.get-token-warm',
      'auth.cold-callers',
    ]);
  });

  it('reports a log line printed on stdout', () => {
    const { results, problems } = parseOutput(`starting\n${JSON.stringify(valid)}\n`);
    expect(results).toHaveLength(1);
    expect(problems[0]).toMatch(/stdout line 1 is not JSON \(print logs to stderr\): starting/);
  });

  it('reports empty output', () => {
    expect(parseOutput('\n').problems).toEqual(['printed no results on stdout']);
  });
});
