/**
 * The mock's notion of time. Token expiry, assertion `iat` checks, clearance delays, changelog
 * timestamps and rate-limit windows all read it, so a test can move time instead of waiting.
 */
export interface MockClock {
  /** `'real'` follows the wall clock (plus any offset); `'manual'` changes only through `advance` or `set`. */
  readonly mode: 'real' | 'manual';
  /** Current mock time in milliseconds since the Unix epoch. */
  now(): number;
  /** Moves mock time forward by `ms` milliseconds and runs every task that became due. */
  advance(ms: number): void;
  /** Moves mock time to `time` (forward only) and runs every task that became due. */
  set(time: Date | number): void;
  /** Runs every task that is due now; useful after real time has passed in `'real'` mode. */
  runDueTasks(): void;
}

/** Options of {@link createClock}. */
export interface ClockOptions {
  /** `'real'` (default) follows the wall clock; `'manual'` only moves through `advance` or `set`. */
  mode?: 'real' | 'manual';
  /** Start time in `'manual'` mode; defaults to the wall clock at creation. */
  start?: Date | number;
}

interface ScheduledTask {
  at: number;
  run: () => void;
}

/** A clock that also runs tasks at a mock time; the mock uses it for delayed clearance changes. */
export interface SchedulingClock extends MockClock {
  /** Runs `run` once mock time reaches `at` (milliseconds since the epoch). */
  schedule(at: number, run: () => void): void;
  /** Drops every scheduled task and timer. */
  clearTasks(): void;
}

/** Creates a clock in real or manual mode. */
export function createClock(options: ClockOptions = {}): SchedulingClock {
  const mode = options.mode ?? 'real';
  let offset = 0;
  let manualNow = options.start === undefined ? Date.now() : Number(options.start);
  let tasks: ScheduledTask[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt: number | undefined;

  // While a task runs, mock time reads as the task's due time, so a change scheduled for t is
  // stamped t even when the clock jumped past it or the timer fired late.
  let taskTime: number | undefined;
  const currentTime = (): number => (mode === 'manual' ? manualNow : Date.now() + offset);
  const now = (): number => taskTime ?? currentTime();

  // In real mode one timer waits for the earliest task. It is re-armed after every run, because
  // a timer may fire a millisecond before Date.now() reaches the due time.
  const armTimer = (): void => {
    if (mode !== 'real') return;
    const earliest = tasks.length === 0 ? undefined : Math.min(...tasks.map((task) => task.at));
    if (timer !== undefined && earliest === timerAt) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    timerAt = earliest;
    if (earliest === undefined) return;
    timer = setTimeout(
      () => {
        timer = undefined;
        runDueTasks();
      },
      Math.max(1, earliest - currentTime()),
    );
    // The mock must never keep a process alive on its own.
    (timer as { unref?: () => void }).unref?.();
  };

  function runDueTasks(): void {
    for (;;) {
      const current = currentTime();
      let next: ScheduledTask | undefined;
      for (const task of tasks) if (task.at <= current && (!next || task.at < next.at)) next = task;
      if (!next) break;
      const due = next;
      tasks = tasks.filter((task) => task !== due);
      const outer = taskTime;
      taskTime = Math.max(due.at, outer ?? due.at);
      try {
        due.run();
      } finally {
        taskTime = outer;
      }
    }
    armTimer();
  }

  const moveTo = (target: number): void => {
    if (!Number.isFinite(target)) {
      throw new TypeError(`Invalid clock time ${String(target)}: pass a finite number or a Date.`);
    }
    if (mode === 'manual') manualNow = Math.max(manualNow, target);
    else offset += Math.max(0, target - now());
    runDueTasks();
  };

  return {
    mode,
    now,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new RangeError(`Invalid clock step ${ms} ms: pass a finite number >= 0.`);
      }
      moveTo(now() + ms);
    },
    set(time) {
      moveTo(typeof time === 'number' ? time : time.getTime());
    },
    runDueTasks,
    schedule(at, run) {
      tasks.push({ at, run });
      runDueTasks();
    },
    clearTasks() {
      tasks = [];
      armTimer();
    },
  };
}
