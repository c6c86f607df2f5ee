import type { ClearanceFilter, paths } from '@hm-sdk/openapi';

/** The generated `GET /v1/fleets/vehicles` operation, with `filter` still typed as a string. */
export type ListClearances = paths['/v1/fleets/vehicles']['get'];

/**
 * The generated `paths` of `@hm-sdk/openapi`, with one change: the `filter` query parameter of
 * `GET /v1/fleets/vehicles` is the {@link ClearanceFilter} object rather than a string. The
 * contract types it as a string because the API expects URL-encoded JSON; the client does that
 * encoding, so callers pass the object.
 */
export type ClientPaths = Omit<paths, '/v1/fleets/vehicles'> & {
  '/v1/fleets/vehicles': Omit<paths['/v1/fleets/vehicles'], 'get'> & {
    get: Omit<ListClearances, 'parameters'> & {
      parameters: Omit<ListClearances['parameters'], 'query'> & {
        query?: { filter?: ClearanceFilter };
      };
    };
  };
};

/**
 * Serialises query parameters: strings, numbers and booleans as they are, objects (the
 * clearance `filter`) as JSON, and each value percent-encoded with `encodeURIComponent`, so
 * `&`, `=`, `#`, `+`, spaces and non-ASCII characters arrive unchanged.
 */
export function serializeQuery(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(text)}`);
  }
  return parts.join('&');
}
