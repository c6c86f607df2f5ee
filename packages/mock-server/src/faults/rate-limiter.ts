import type { MockClock } from '../clock.js';
import type { RouteId } from '../context.js';

/** A request budget: at most `limit` requests per app within any `windowMs` of mock time. */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

/** Rate limits by route; `false` turns off the default of a route. */
export type RateLimitSettings = Partial<Record<RouteId, RateLimitRule | false>>;

/** The mock's default limits: 60 calls per minute per app on the single-clearance route. */
export const defaultRateLimits: Readonly<Partial<Record<RouteId, RateLimitRule>>> = {
  'GET /v1/fleets/vehicles/:vin': { limit: 60, windowMs: 60_000 },
};

/** Result of one rate-limit check. */
export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

function checkRule(rule: RateLimitRule): void {
  if (!Number.isInteger(rule.limit) || rule.limit < 1 || !(rule.windowMs > 0)) {
    throw new RangeError(
      `Invalid rate limit ${JSON.stringify(rule)}: limit must be a whole number >= 1 and windowMs > 0.`,
    );
  }
}

/** Sliding-window rate limiting per route and app, on mock time; one per mock instance. */
export class RateLimiter {
  readonly #rules = new Map<RouteId, RateLimitRule>();
  readonly #hits = new Map<string, number[]>();
  readonly #clock: MockClock;

  constructor(clock: MockClock, settings: RateLimitSettings = {}) {
    this.#clock = clock;
    for (const [route, rule] of Object.entries(defaultRateLimits))
      this.#rules.set(route as RouteId, rule);
    for (const [route, rule] of Object.entries(settings)) this.set(route as RouteId, rule ?? false);
  }

  /** Sets or removes (`false`) the limit of a route. */
  set(route: RouteId, rule: RateLimitRule | false): void {
    if (rule === false) {
      this.#rules.delete(route);
      return;
    }
    checkRule(rule);
    this.#rules.set(route, { ...rule });
  }

  /** Counts one request of `appKey` to `route` and returns whether it is within the limit. */
  hit(route: RouteId, appKey: string): RateLimitResult {
    const rule = this.#rules.get(route);
    if (!rule) return { allowed: true };
    const now = this.#clock.now();
    const key = `${route} ${appKey}`;
    const recent = (this.#hits.get(key) ?? []).filter((time) => time > now - rule.windowMs);
    if (recent.length >= rule.limit) {
      this.#hits.set(key, recent);
      const oldest = recent[0] ?? now;
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((oldest + rule.windowMs - now) / 1000)),
      };
    }
    recent.push(now);
    this.#hits.set(key, recent);
    return { allowed: true };
  }

  /** Forgets every counted request; the rules stay. */
  clear(): void {
    this.#hits.clear();
  }
}
