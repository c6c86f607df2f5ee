import { isClearanceBrand } from '../brands.js';
import type { RouteDefinition } from '../context.js';
import { parseFilter } from '../filter.js';
import { readBody } from '../http/body.js';
import { apiError, jsonResponse } from '../http/responses.js';
import type { ClearanceRecord } from '../state/clearances.js';

/** Renders a clearance as `GET /v1/fleets/vehicles` returns it. */
export function presentClearance(record: ClearanceRecord): Record<string, unknown> {
  return {
    vin: record.vin,
    brand: record.brand,
    status: record.status,
    tags: { ...record.tags },
    changelog: record.changelog.map((entry) => ({ ...entry })),
  };
}

function isTagMap(value: unknown): value is Record<string, string> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every((item) => typeof item === 'string')
  );
}

/** Turns one entry of the request's `vehicles` into a batch result item. */
function requestOne(entry: unknown, context: Parameters<RouteDefinition['handle']>[1]) {
  const { vin, brand, tags } = (entry ?? {}) as { vin?: unknown; brand?: unknown; tags?: unknown };
  const vinText = typeof vin === 'string' ? vin : String(vin ?? '');
  if (typeof vin !== 'string' || vin.length !== 17) {
    return { vin: vinText, status: 'error', description: 'vin should be 17 character(s)' };
  }
  if (!isClearanceBrand(brand)) {
    return { vin, status: 'error', description: 'The brand is invalid' };
  }
  if (tags !== undefined && !isTagMap(tags)) {
    return { vin, status: 'error', description: 'tags must be an object of string values' };
  }
  const record = context.clearances.request(vin, brand, tags);
  return { vin, status: record.status, tags: { ...record.tags } };
}

/** `POST /v1/fleets/vehicles`: requests clearance for a batch; bad entries become `error` items. */
export const createClearancesRoute: RouteDefinition = {
  id: 'POST /v1/fleets/vehicles',
  method: 'post',
  path: '/v1/fleets/vehicles',
  scope: 'fleet:clearance',
  async handle({ request, requestId }, context) {
    const parsed = await readBody(request);
    if (!parsed.ok) {
      return apiError(400, requestId, [{ title: 'Bad request', detail: parsed.message }]);
    }
    const vehicles = (parsed.value as { vehicles?: unknown } | undefined)?.vehicles;
    if (!Array.isArray(vehicles)) {
      return apiError(422, requestId, [
        { title: 'Invalid input', detail: 'vehicles must be an array', source: 'vehicles' },
      ]);
    }
    const results = vehicles.map((entry) => requestOne(entry, context));
    return jsonResponse({ vehicles: results }, requestId);
  },
};

/** `GET /v1/fleets/vehicles`: every clearance, narrowed by the optional `filter`. */
export const listClearancesRoute: RouteDefinition = {
  id: 'GET /v1/fleets/vehicles',
  method: 'get',
  path: '/v1/fleets/vehicles',
  scope: 'fleet:clearance',
  async handle({ url, requestId }, context) {
    const filter = parseFilter(url.searchParams.get('filter'));
    if (!filter.ok) {
      return apiError(422, requestId, [
        { title: 'Invalid filter', detail: filter.message, source: 'filter' },
      ]);
    }
    const items = context.clearances.list().filter(filter.matches).map(presentClearance);
    return jsonResponse(items, requestId);
  },
};

function notFound(requestId: string, vin: string): Response {
  return apiError(404, requestId, [
    { title: 'Not found', detail: `No clearance exists for VIN ${vin}`, source: 'vin' },
  ]);
}

/** `GET /v1/fleets/vehicles/{vin}`: one clearance, 404 when the VIN has none. */
export const getClearanceRoute: RouteDefinition = {
  id: 'GET /v1/fleets/vehicles/:vin',
  method: 'get',
  path: '/v1/fleets/vehicles/:vin',
  scope: 'fleet:clearance',
  async handle({ params, requestId }, context) {
    const vin = params.vin ?? '';
    const record = context.clearances.get(vin);
    return record ? jsonResponse(presentClearance(record), requestId) : notFound(requestId, vin);
  },
};

/** `DELETE /v1/fleets/vehicles/{vin}`: revokes an approved clearance or cancels a pending one. */
export const deleteClearanceRoute: RouteDefinition = {
  id: 'DELETE /v1/fleets/vehicles/:vin',
  method: 'delete',
  path: '/v1/fleets/vehicles/:vin',
  scope: 'fleet:clearance',
  async handle({ params, requestId }, context) {
    const vin = params.vin ?? '';
    const result = context.clearances.delete(vin);
    switch (result) {
      case 'not_found':
        return notFound(requestId, vin);
      case 'already_removed':
        return apiError(409, requestId, [
          { title: 'Conflict', detail: 'Clearance is already removed', source: 'vin' },
        ]);
      case 'in_transition':
        return apiError(409, requestId, [
          { title: 'Conflict', detail: 'Clearance is in transition mode', source: 'vin' },
        ]);
      case 'not_cancelable':
        return apiError(422, requestId, [
          {
            title: 'Not supported',
            detail: 'Cancellation is not supported for this VIN',
            source: 'vin',
          },
        ]);
      default:
        return jsonResponse({ vin, status: result.status, tags: { ...result.tags } }, requestId);
    }
  },
};
