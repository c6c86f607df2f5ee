import { describe, expect, it } from 'vitest';
import { assertMswRuntime } from '../src/node/msw-runtime.js';

describe('assertMswRuntime', () => {
  it('rejects msw 3 without Promise.withResolvers', () => {
    expect(() => assertMswRuntime('3.0.5', false)).toThrow(
      /^msw 3\.0\.5 needs Node\.js 22\.12 or newer, but this is Node\.js \d+\.\d+\.\d+\. Run on Node\.js 22\.12\+, or install msw 2/,
    );
  });

  it.each([
    ['msw 2 on any Node.js', '2.15.0', false],
    ['msw 3 with Promise.withResolvers', '3.0.5', true],
    ['an unknown version', undefined, false],
  ])('accepts %s', (_, version, hasWithResolvers) => {
    expect(() => assertMswRuntime(version, hasWithResolvers)).not.toThrow();
  });

  it('accepts the msw this package is tested with', () => {
    expect(() => assertMswRuntime()).not.toThrow();
  });
});
