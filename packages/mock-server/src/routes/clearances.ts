import { isClearanceBrand } from '../brands.js';
import type { MockContext, RouteDefinition } from '../context.js';
import type { ValidationIssue } from '../contract/schema-validator.js';
import { parseFilter } from '../filter.js';
import { readBody } from '../http/body.js';
import { apiError, jsonResponse } from '../http/responses.js';
import type { ClearanceRecord } from '../state/clearances.js';
import { invalidVinError, vinProblem } from '../vin.js';
import { invalidInput, unreadableBody, validateBody } from './validation.js';

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

/** Groups validation issues by the index of the `vehicles` entry they concern. */
function issuesByEntry(issues: ValidationIssue[]): {
  perEntry: Map<number, ValidationIssue[]>;
  envelope: ValidationIssue[];
} {
  const perEntry = new Map<number, ValidationIssue[]>();
  const envelope: ValidationIssue[] = [];
  for (const issue of issues) {
    const match = /^vehicles\[(\d+)\]/.exec(issue.path);
    if (!match) {
      envelope.push(issue);
      continue;
    }
    const index = Number(match[1]);
    perEntry.set(index, [...(perEntry.get(index) ?? []), issue]);
  }
  return { perEntry, envelope };
}

/**
 * Turns one entry of the request's `vehicles` into a batch result item. The VIN and brand checks
 * come first, and other schema problems follow.
 */
function requestOne(entry: unknown, issues: ValidationIssue[], context: MockContext) {
  const { vin, brand, tags } = (entry ?? {}) as { vin?: unknown; brand?: unknown; tags?: unknown };
  const vinText = typeof vin === 'string' ? vin : String(vin ?? '');
  const problem = vinProblem(vin);
  if (typeof vin !== 'string' || problem !== undefined) {
    return { vin: vinText, status: 'error', description: problem };
  }
  if (!isClearanceBrand(brand)) {
    return { vin, status: 'error', description: 'The brand is invalid' };
  }
  if (issues.length > 0) {
    return { vin, status: 'error', description: issues.map((issue) => issue.message).join('; ') };
  }
  const record = context.clearances.request(vin, brand, tags as Record<string, string> | undefined);
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
    if (!parsed.ok) return unreadableBody(requestId, parsed);
    const { perEntry, envelope } = issuesByEntry(
      validateBody(createClearancesRoute, parsed, context),
    );
    if (envelope.length > 0) return invalidInput(requestId, envelope);

    const vehicles = (parsed.value as { vehicles: unknown[] }).vehicles;
    const results = vehicles.map((entry, index) =>
      requestOne(entry, perEntry.get(index) ?? [], context),
    );
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
    // NOTE: the API documents no status for a malformed filter; 422 matches its other input errors.
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
    // The API documents only 404 for a VIN it cannot find, so an invalid VIN gets that status.
    const problem = vinProblem(vin);
    if (problem !== undefined) {
      const detail = `${problem}, so no clearance exists for VIN ${JSON.stringify(vin)}`;
      return apiError(404, requestId, [invalidVinError(detail)]);
    }
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
    const problem = vinProblem(vin);
    if (problem !== undefined) return apiError(422, requestId, [invalidVinError(problem)]);
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
        return jsonResponse(result, requestId);
    }
  },
};
