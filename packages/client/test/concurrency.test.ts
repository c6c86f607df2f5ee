import { describe, expect, it } from 'vitest';
import { AbortError, ApiError, type RunProgress, runConcurrently } from '../src/index.js';
import { rejectionOf, sandboxVin, startHarness } from './support/fixtures.js';
import { createStepClock } from './support/step-clock.js';
import { createVirtualTime } from './support/virtual-time.js';

function rateLimited(retryAfterMs?: number): ApiError {
  return new ApiError({ status: 429, operation: 'GET /test', retryAfterMs });
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('runConcurrently', () => {
  it('returns results in input order and records failures', async () => {
    const results = await runConcurrently([3, 1, 2, 0], async (n) => {
      await tick();
      if (n === 0) throw new Error('zero');
      return n * 10;
    });

    expect(results.map((result) => result.item)).toEqual([3, 1, 2, 0]);
    expect(results.slice(0, 3).map((result) => (result.ok ? result.value : undefined))).toEqual([
      30, 10, 20,
    ]);
    expect(results[3]?.ok).toBe(false);
  });

  it('never runs more tasks at once than the limit', async () => {
    let running = 0;
    let peak = 0;

    await runConcurrently(
      Array.from({ length: 40 }, (_, index) => index),
      async () => {
        running += 1;
        peak = Math.max(peak, running);
        await tick();
        running -= 1;
      },
      { concurrency: 3 },
    );

    expect(peak).toBe(3);
  });

  it('queues a rate-limited item again after the pause', async () => {
    const clock = createStepClock();
    const attempts = new Map<string, number>();

    const results = await runConcurrently(
      ['a', 'b', 'c'],
      async (item) => {
        const count = (attempts.get(item) ?? 0) + 1;
        attempts.set(item, count);
        if (item === 'b' && count < 3) throw rateLimited(2_000);
        return item;
      },
      { clock, concurrency: 2 },
    );

    expect(results.every((result) => result.ok)).toBe(true);
    expect(attempts.get('b')).toBe(3);
    expect(clock.sleeps.filter((ms) => ms === 2_000).length).toBeGreaterThanOrEqual(1);
  });

  it('halves the limit after a 429 and grows it back', async () => {
    const clock = createStepClock();
    const limits: number[] = [];
    let failed = false;

    await runConcurrently(
      Array.from({ length: 60 }, (_, index) => index),
      async (index) => {
        await tick();
        if (index === 5 && !failed) {
          failed = true;
          throw rateLimited(1_000);
        }
      },
      { clock, concurrency: 8, onProgress: (progress) => limits.push(progress.concurrency) },
    );

    expect(Math.min(...limits)).toBe(4);
    expect(limits.at(-1)).toBe(8);
  });

  it('gives up on an item after maxRateLimitRetries', async () => {
    const clock = createStepClock();

    const results = await runConcurrently(['only'], async () => Promise.reject(rateLimited(10)), {
      clock,
      maxRateLimitRetries: 2,
    });

    expect(results[0]?.ok).toBe(false);
    expect(clock.sleeps).toHaveLength(2);
  });

  it('reports progress after every item', async () => {
    const reports: RunProgress[] = [];

    await runConcurrently(
      [1, 2, 3, 4, 5],
      async (n) => {
        if (n === 4) throw new Error('four');
      },
      { onProgress: (progress) => reports.push({ ...progress }) },
    );

    expect(reports.map((progress) => progress.completed)).toEqual([1, 2, 3, 4, 5]);
    expect(reports.at(-1)).toMatchObject({ total: 5, succeeded: 4, failed: 1, inFlight: 0 });
  });

  it('stops on abort and throws AbortError', async () => {
    const controller = new AbortController();
    let started = 0;

    const error = await rejectionOf(
      runConcurrently(
        Array.from({ length: 20 }, (_, index) => index),
        async () => {
          started += 1;
          if (started === 3) controller.abort();
          await tick();
        },
        { concurrency: 1, signal: controller.signal },
      ),
    );

    expect(error).toBeInstanceOf(AbortError);
    expect(started).toBe(3);
  });

  it('rethrows an exception from onProgress', async () => {
    const problem = new Error('progress bar broke');

    const error = await rejectionOf(
      runConcurrently([1, 2, 3], async () => undefined, {
        onProgress: () => {
          throw problem;
        },
      }),
    );

    expect(error).toBe(problem);
  });

  it('rejects an invalid concurrency', async () => {
    await expect(runConcurrently([1], async () => 1, { concurrency: 0 })).rejects.toThrow(
      /Invalid concurrency 0/,
    );
  });
});

describe('runForVins under a 60 per minute limit', () => {
  it('finishes every VIN without exceeding the limit', async () => {
    const harness = await startHarness({ clock: 'manual' });
    try {
      const time = createVirtualTime(harness.mock);
      harness.mock.setRateLimit('GET /v1/vehicle-data/autoapi-13/:vin', {
        limit: 60,
        windowMs: 60_000,
      });
      const vins = Array.from({ length: 150 }, (_, index) => sandboxVin(9_000 + index));
      for (const vin of vins) harness.mock.setClearanceStatus(vin, 'approved');
      const client = harness.client({
        clock: time.clock,
        fetch: time.track(fetch),
        retry: undefined,
      });
      const startedAt = time.clock.now();

      const results = await client.runForVins(vins, (vin, { signal }) =>
        client.getVehicleData(vin, signal ? { signal } : {}),
      );

      expect(results.filter((result) => !result.ok)).toEqual([]);
      expect(results.map((result) => result.vin)).toEqual(vins);
      const served = harness.mock.requests
        .filter(
          (entry) => entry.route === 'GET /v1/vehicle-data/autoapi-13/:vin' && entry.status === 200,
        )
        .map((entry) => entry.receivedAt);
      expect(served).toHaveLength(150);
      for (const at of served) {
        const inWindow = served.filter((other) => other > at - 60_000 && other <= at).length;
        expect(inWindow).toBeLessThanOrEqual(60);
      }
      // 150 requests at 60 per minute need at least two full windows of waiting.
      expect(time.clock.now() - startedAt).toBeGreaterThanOrEqual(120_000);
    } finally {
      await harness.server.close();
    }
  });
});
