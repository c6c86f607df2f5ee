import { eligibilityBrands } from '../brands.js';
import type { RouteDefinition } from '../context.js';
import { readBody } from '../http/body.js';
import { apiError, jsonResponse } from '../http/responses.js';

/** `POST /v1/eligibility`: eligibility of one VIN, from the registered vehicle or the sandbox rule. */
export const eligibilityRoute: RouteDefinition = {
  id: 'POST /v1/eligibility',
  method: 'post',
  path: '/v1/eligibility',
  scope: 'vehicle:eligibility-check',
  async handle({ request, requestId }, context) {
    const parsed = await readBody(request);
    if (!parsed.ok) {
      return apiError(400, requestId, [{ title: 'Bad request', detail: parsed.message }]);
    }
    const body = (parsed.value ?? {}) as { vin?: unknown; brand?: unknown };
    if (typeof body.vin !== 'string' || body.vin.length !== 17) {
      return apiError(422, requestId, [
        { title: 'Invalid VIN', detail: 'vin should be 17 character(s)', source: 'vin' },
      ]);
    }
    if (!(eligibilityBrands as readonly unknown[]).includes(body.brand)) {
      return apiError(422, requestId, [
        {
          title: 'Invalid brand',
          detail: `brand must be one of: ${eligibilityBrands.join(', ')}`,
          source: 'brand',
        },
      ]);
    }
    const vehicle = context.vehicles.get(body.vin);
    if (!vehicle) {
      // Unknown sandbox VINs are eligible; unknown VINs of real brands are not.
      const eligible = body.brand === 'sandbox';
      return jsonResponse(
        { vin: body.vin, eligible, data_delivery: eligible ? ['pull', 'push'] : [] },
        requestId,
      );
    }
    const result: Record<string, unknown> = {
      vin: vehicle.vin,
      eligible: vehicle.eligible,
      data_delivery: vehicle.dataDelivery,
    };
    if (vehicle.connectivityStatus !== undefined) {
      result.connectivity_status = vehicle.connectivityStatus;
    }
    if (vehicle.primaryUserAssigned !== undefined) {
      result.primary_user_assigned = vehicle.primaryUserAssigned;
    }
    return jsonResponse(result, requestId);
  },
};
