import { usageError } from './errors.js';

const unitMs: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * Parses a duration such as `500ms`, `30s`, `10m`, `2h` or `7d` into milliseconds. A bare number
 * counts as seconds.
 *
 * @param option - the option name, for the error message
 */
export function parseDuration(value: string, option: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(value.trim());
  if (match === null) {
    throw usageError(
      `Invalid ${option} "${value}": use a number with a unit, such as 500ms, 30s, 10m, 2h or 7d.`,
    );
  }
  return Math.round(Number(match[1]) * (unitMs[match[2] ?? 's'] ?? 1000));
}

/**
 * Parses `--since`: an ISO 8601 date or date-time, or a duration back from `now` (such as `24h`).
 * Returns the moment as an ISO 8601 string in UTC.
 */
export function parseSince(value: string, now = Date.now()): string {
  if (/^\d+(?:\.\d+)?\s*(ms|s|m|h|d)$/.test(value.trim())) {
    return new Date(now - parseDuration(value, '--since')).toISOString();
  }
  const time = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    throw usageError(
      `Invalid --since "${value}": use a date such as 2024-05-01, a date-time such as ` +
        '2024-05-01T12:00:00Z, or a duration back from now such as 24h or 7d.',
    );
  }
  return new Date(time).toISOString();
}
