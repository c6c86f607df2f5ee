/**
 * Parses a `Retry-After` header (RFC 9110, section 10.2.3): whole seconds, or an HTTP date that
 * is compared with the wall clock `nowMs`. Returns the delay in milliseconds, 0 for a date in
 * the past, or `undefined` for a missing or unreadable header.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number,
): number | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    return Number(text) * 1000;
  }
  const date = Date.parse(text);
  if (Number.isNaN(date) || !/[A-Za-z]/.test(text)) {
    return undefined;
  }
  return Math.max(0, date - nowMs);
}
