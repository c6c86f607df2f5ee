/**
 * Logger the token provider reports to. It receives a short message and structured fields that
 * never contain a secret. Any object with these four methods works, for example `console` or a
 * pino logger.
 */
export interface Logger {
  /** Background refreshes and tokens adopted from a shared cache. */
  debug(message: string, fields?: Record<string, unknown>): void;
  /** New tokens and invalidated tokens. */
  info(message: string, fields?: Record<string, unknown>): void;
  /** Retries, failed background refreshes, cache failures and unusable `expires_in` values. */
  warn(message: string, fields?: Record<string, unknown>): void;
  /** Not called by this package at present; part of the interface so any common logger fits. */
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Logger that drops everything, used when none is injected. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};
