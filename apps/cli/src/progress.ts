import { writeSync } from 'node:fs';
import type { Output } from './output.js';

/** Text next to the spinner, or a function that returns it at each frame (for a clock). */
export type ProgressText = string | (() => string);

/** A progress indicator on stderr. */
export interface Progress {
  /** Replaces the text next to the spinner. */
  update(text: ProgressText): void;
  /** Removes the indicator, leaving the terminal line empty. */
  stop(): void;
}

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const FRAME_INTERVAL_MS = 80;

const silent: Progress = { update: () => {}, stop: () => {} };

/**
 * Starts a spinner with a status text on stderr. It is drawn only when stderr is a terminal,
 * so pipes, files and CI logs never receive control characters.
 */
export function startProgress(output: Output, text: ProgressText): Progress {
  if (!output.interactive) return silent;
  let current = text;
  let frame = 0;
  const draw = () => {
    frame = (frame + 1) % frames.length;
    const label = typeof current === 'function' ? current() : current;
    writeSync(2, `\r\u001b[2K${output.errStyle.cyan(frames[frame] ?? '')} ${label}`);
  };
  // The spinner writes to file descriptor 2 directly rather than through process.stderr, whose
  // writes may still be queued when the process ends, so frames and the erase stay in order.
  const erase = () => writeSync(2, '\r\u001b[2K');
  // Ctrl+C during a wait erases the spinner line, then raises SIGINT again with no listener left,
  // so the process ends by the signal as the shell expects. The handler is installed before the
  // first frame is drawn.
  // NOTE: in a tmux test, keys typed right after Ctrl+C sometimes left the spinner line on screen.
  // The process then ended with status 130 without running this handler, for a reason not known.
  const interrupt = () => {
    clearInterval(timer);
    erase();
    process.kill(process.pid, 'SIGINT');
  };
  process.once('SIGINT', interrupt);
  draw();
  const timer = setInterval(draw, FRAME_INTERVAL_MS);
  // The spinner alone must not keep the process alive.
  timer.unref();
  return {
    update(next) {
      current = next;
      draw();
    },
    stop() {
      clearInterval(timer);
      process.off('SIGINT', interrupt);
      erase();
    },
  };
}

/** Renders a bar such as `[########------------] 40/100`. */
export function renderBar(done: number, total: number, width = 20): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
}
