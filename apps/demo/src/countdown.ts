/** Formats a duration in whole seconds as `4 min 05 s`, or `0 s` once it has passed. */
export function formatRemaining(milliseconds: number): string {
  const seconds = Math.max(0, Math.ceil(milliseconds / 1000));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes > 0 ? `${minutes} min ${String(rest).padStart(2, '0')} s` : `${rest} s`;
}

let activeTimer: ReturnType<typeof setInterval> | undefined;

/**
 * Shows the time left until `expiresAt` in `element`, updated every second. Starting a new
 * countdown stops the previous one, because the page shows one token at a time.
 */
export function startCountdown(element: HTMLElement, expiresAt: Date): void {
  if (activeTimer !== undefined) clearInterval(activeTimer);
  const update = () => {
    const remaining = expiresAt.getTime() - Date.now();
    element.textContent =
      remaining > 0
        ? `Expires in ${formatRemaining(remaining)}`
        : 'Expired. The SDK gets a new token on the next call.';
    if (remaining <= 0 && activeTimer !== undefined) clearInterval(activeTimer);
  };
  update();
  activeTimer = setInterval(update, 1000);
}
