import type { RouteDefinition } from '../context.js';
import { readBody } from '../http/body.js';
import { apiError, jsonResponse } from '../http/responses.js';
import { invalidVinError, vinProblem } from '../vin.js';
import { invalidInput, unreadableBody, validateBody } from './validation.js';

/** `POST /v1/eligibility`: eligibility of one VIN, from the registered vehicle or the sandbox rule. */
export const eligibilityRoute: RouteDefinition = {
  id: 'POST /v1/eligibility',
  method: 'post',
  path: '/v1/eligibility',
  scope: 'vehicle:eligibility-check',
  scopeDeniedStatus: 401,
  async handle({ request, requestId }, context) {
    const parsed = await readBody(request);
    if (!parsed.ok) return unreadableBody(requestId, parsed);
    const issues = validateBody(eligibilityRoute, parsed, context);
    if (issues.length > 0) return invalidInput(requestId, issues);

    const body = parsed.value as { vin: string; brand: string };
    const problem = vinProblem(body.vin);
    if (problem !== undefined) return apiError(422, requestId, [invalidVinError(problem)]);
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
