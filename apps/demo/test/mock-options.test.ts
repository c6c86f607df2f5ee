import { describe, expect, it } from 'vitest';
import { approvalDelayFrom } from '../src/mock.js';

describe('approvalDelayFrom', () => {
  const cases: Array<[string, number]> = [
    ['', 2000],
    ['?approvalDelayMs=300', 300],
    ['?approvalDelayMs=0', 0],
    ['?approvalDelayMs=60000', 60_000],
    ['?approvalDelayMs=60001', 2000],
    ['?approvalDelayMs=-1', 2000],
    ['?approvalDelayMs=1.5', 2000],
    ['?approvalDelayMs=soon', 2000],
  ];
  for (const [search, expected] of cases) {
    it(`reads "${search}" as ${expected}`, () => {
      expect(approvalDelayFrom(search)).toBe(expected);
    });
  }
});
