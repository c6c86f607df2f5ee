import { describe, expect, it } from 'vitest';
import { createClock } from '../src/clock.js';

describe('manual clock', () => {
  it('moves only when told', () => {
    const clock = createClock({ mode: 'manual', start: 1000 });
    expect(clock.now()).toBe(1000);
    clock.advance(500);
    expect(clock.now()).toBe(1500);
    clock.set(new Date(5000));
    expect(clock.now()).toBe(5000);
    clock.set(100);
    expect(clock.now()).toBe(5000);
  });

  it('runs tasks in order at their due time', () => {
    const clock = createClock({ mode: 'manual', start: 0 });
    const runs: Array<[string, number]> = [];
    clock.schedule(300, () => runs.push(['b', clock.now()]));
    clock.schedule(100, () => {
      runs.push(['a', clock.now()]);
      clock.schedule(clock.now() + 50, () => runs.push(['a2', clock.now()]));
    });
    clock.advance(1000);
    expect(runs).toEqual([
      ['a', 100],
      ['a2', 150],
      ['b', 300],
    ]);
    expect(clock.now()).toBe(1000);
  });

  it('runs a task due now at once', () => {
    const clock = createClock({ mode: 'manual', start: 0 });
    let ran = false;
    clock.schedule(0, () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });

  it('drops tasks on clearTasks', () => {
    const clock = createClock({ mode: 'manual', start: 0 });
    let ran = false;
    clock.schedule(10, () => {
      ran = true;
    });
    clock.clearTasks();
    clock.advance(20);
    expect(ran).toBe(false);
  });

  it('rejects invalid steps', () => {
    const clock = createClock({ mode: 'manual' });
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.set(Number.NaN)).toThrow(TypeError);
  });
});

describe('real clock', () => {
  it('follows the wall clock plus offsets', () => {
    const clock = createClock();
    const before = Date.now();
    clock.advance(60_000);
    expect(clock.now()).toBeGreaterThanOrEqual(before + 60_000);
  });

  it('runs a task from its timer', async () => {
    const clock = createClock();
    const ran = new Promise<number>((resolve) =>
      clock.schedule(clock.now() + 5, () => resolve(clock.now())),
    );
    expect(await ran).toBeGreaterThan(0);
  });
});
