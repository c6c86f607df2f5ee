import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTokenProvider } from '../src/index.js';
import { resolveRefreshMargin } from '../src/token/margin.js';
import { readLifetimeSeconds, readScopes } from '../src/token/response.js';
import { phaseAt, scheduleToken } from '../src/token/schedule.js';
import { createTestClock } from './helpers.js';
import { scriptTokenEndpoint, useInProcessMock } from './mock-fixtures.js';

const { server } = useInProcessMock();
const silent = { debug() {}, info() {}, warn() {}, error() {} };

const margins = fc
  .tuple(fc.double({ min: 0, max: 0.99, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([soft, share]) => ({ soft, hard: soft * share }));

describe('refresh schedule arithmetic', () => {
  it('orders sent, soft, hard and expiry', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e12, noNaN: true }),
        fc.double({ min: 1, max: 366 * 86_400_000, noNaN: true }),
        margins,
        (sentAt, lifetime, margin) => {
          const schedule = scheduleToken(sentAt, lifetime, resolveRefreshMargin(margin));
          expect(schedule.sentAt).toBeLessThanOrEqual(schedule.softAt);
          expect(schedule.softAt).toBeLessThanOrEqual(schedule.hardAt);
          expect(schedule.hardAt).toBeLessThanOrEqual(schedule.expiresAt);
          expect(schedule.expiresAt - schedule.sentAt).toBeCloseTo(lifetime, 3);
        },
      ),
    );
  });

  it('never moves back to an earlier phase', () => {
    const rank = { fresh: 0, soft: 1, hard: 2 };
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        margins,
        fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 2 }),
        (lifetime, margin, fractions) => {
          const schedule = scheduleToken(0, lifetime, resolveRefreshMargin(margin));
          const phases = [...fractions]
            .sort((a, b) => a - b)
            .map((f) => rank[phaseAt(schedule, f * lifetime)]);
          expect(phases).toEqual([...phases].sort((a, b) => a - b));
        },
      ),
    );
  });

  it('rejects margins out of range', () => {
    for (const margin of [
      { soft: 1 },
      { soft: 0.2, hard: 0.3 },
      { soft: -0.1 },
      { hard: Number.NaN },
    ]) {
      expect(() => resolveRefreshMargin(margin)).toThrow(/0 <= hard <= soft < 1/);
    }
  });

  it('reads numbers and numeric strings alike', () => {
    const context = { fallbackExpiresInSeconds: 60, logger: silent };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31_536_000 }), (seconds) => {
        expect(readLifetimeSeconds(seconds, 'opaque', context)).toBe(seconds);
        expect(readLifetimeSeconds(String(seconds), 'opaque', context)).toBe(seconds);
        expect(readLifetimeSeconds(` ${seconds} `, 'opaque', context)).toBe(seconds);
      }),
    );
  });

  it('falls back for anything but a positive number', () => {
    const context = { fallbackExpiresInSeconds: 42, logger: silent };
    const unusable = fc.oneof(
      fc.integer({ max: 0 }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, null, undefined, true, '', '-5', 'abc'),
      fc.object(),
    );
    fc.assert(
      fc.property(unusable, (value) => {
        expect(readLifetimeSeconds(value, 'opaque', context)).toBe(42);
      }),
    );
  });

  it('splits any scope string into its words', () => {
    const word = fc.stringMatching(/^[a-z:-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word), fc.constantFrom(' ', '  ', '\t', '\n'), (words, separator) => {
        expect(readScopes(` ${words.join(separator)} `)).toEqual(words);
      }),
    );
  });
});

describe('provider timeline property', () => {
  it('never returns a token inside its hard window', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(60, 300, 3_600),
        fc.array(fc.integer({ min: 0, max: 400_000 }), { minLength: 1, maxLength: 15 }),
        async (lifetime, steps) => {
          server.resetHandlers();
          const clock = createTestClock(Date.UTC(2025, 0, 1));
          scriptTokenEndpoint(server, () => ({ expires_in: lifetime }));
          // Requests are counted per provider: a background refresh that an earlier run left in
          // flight reaches this run's endpoint too, and must not count here.
          let requests = 0;
          const provider = createTokenProvider({
            credentials: { clientId: 'client', clientSecret: 'secret' },
            clock,
            fetch: (input, init) => {
              requests += 1;
              return globalThis.fetch(input, init);
            },
          });
          let firstSentAt = clock.now();
          for (const step of steps) {
            clock.advance(step);
            const token = await provider.getToken();
            const remaining = token.expiresAt.getTime() - clock.now();
            // At least the hard margin (10 % of the lifetime) is left on every token returned.
            expect(remaining).toBeGreaterThan(lifetime * 1000 * 0.1);
            firstSentAt = Math.min(firstSentAt, token.expiresAt.getTime() - lifetime * 1000);
          }
          // One request per 75 % of a lifetime at most, plus the first.
          const elapsed = clock.now() - firstSentAt;
          expect(requests).toBeLessThanOrEqual(1 + Math.floor(elapsed / (lifetime * 750)) + 1);
        },
      ),
      { numRuns: 40 },
    );
  });
});
