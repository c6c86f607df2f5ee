import type { RouteDefinition } from '../context.js';
import { apiError, jsonResponse } from '../http/responses.js';
import { sampleVehicleData } from '../vehicle-data.js';
import { invalidVinError, vinProblem } from '../vin.js';

/** `GET /v1/vehicle-data/autoapi-13/{vin}`: vehicle data, only while the clearance is approved. */
export const vehicleDataRoute: RouteDefinition = {
  id: 'GET /v1/vehicle-data/autoapi-13/:vin',
  method: 'get',
  path: '/v1/vehicle-data/autoapi-13/:vin',
  scope: 'vehicle:data',
  async handle({ params, requestId }, context) {
    const vin = params.vin ?? '';
    const problem = vinProblem(vin);
    if (problem !== undefined) return apiError(422, requestId, [invalidVinError(problem)]);
    const clearance = context.clearances.get(vin);
    if (clearance?.status !== 'approved') {
      return apiError(403, requestId, [
        { title: 'Forbidden', detail: 'No active consent for this vehicle' },
      ]);
    }
    const data = context.vehicles.get(vin)?.data ?? sampleVehicleData(vin, context.clock.now());
    // The vehicle data API spells brands with underscores, for example `mercedes_benz`.
    const brand = clearance.brand.replaceAll('-', '_');
    return jsonResponse({ request_id: requestId, vin, brand, ...data }, requestId);
  },
};
