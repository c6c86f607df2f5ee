import type { AllowedMismatch } from './support/conformance.js';

const vehicleData = 'GET /v1/vehicle-data/autoapi-13/{vin}';

/** Capabilities that the document types with the generic `VehicleDataCapability` shape. */
const genericCapabilities = [
  'adas',
  'charging_session',
  'chassis_settings',
  'climate',
  'crash',
  'cruise_control',
  'dashboard_lights',
  'engine',
  'fueling',
  'honk_horn_flash_lights',
  'hood',
  'light_conditions',
  'lights',
  'messaging',
  'notifications',
  'offroad',
  'parking_brake',
  'power_takeoff',
  'race',
  'remote_control',
  'rooftop_control',
  'seats',
  'theft_alarm',
  'trunk',
  'weather_conditions',
  'windows',
  'windscreen',
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Differences from the reference files that the document keeps on purpose.
 * Entries marked `bulk` match many keys; the test summarises them instead of
 * printing each one.
 */
export const deliberateMismatches: Array<AllowedMismatch & { bulk?: boolean }> = [
  {
    key: 'POST /v1/access_tokens request properties (root)',
    reason:
      'The SDK supports only the client_credentials grant, so the fields of the ' +
      'authorization_code and refresh_token grants are left out.',
  },
  {
    key: 'POST /v1/access_tokens request enum grant_type',
    reason: 'Only client_credentials is supported, for the same reason.',
  },
  {
    key: 'POST /v1/access_tokens request required (root)',
    reason:
      'The reference requires client_id in every token request, but a request with a ' +
      'client_assertion identifies the application through the assertion, and the SDK ' +
      'may leave client_id out there.',
  },
  {
    key: 'POST /v1/access_tokens response properties (root)',
    reason:
      'validity dates, refresh_token, authorization_id and status belong to the consent ' +
      'flows; a client_credentials token response carries none of them.',
  },
  {
    key: 'POST /v1/access_tokens response enum status',
    reason: 'The consent-flow status field is left out, for the same reason.',
  },
  {
    key: 'GET /v1/fleets/vehicles parameter query:filter',
    reason:
      'The reference declares the filter as an object, but the API expects URL-encoded ' +
      'JSON, which a generic query serialiser would not produce from an object. The ' +
      'document declares a string and describes the object as ClearanceFilter.',
  },
  {
    key: /^(POST|GET|DELETE) \S+ status (429|500|503)$/,
    reason:
      'Rate limits and server errors can answer any operation, so every operation ' +
      'documents 429, 500 and 503 with the common error body, where the reference ' +
      'lists them only on some.',
  },
  {
    // A `*` in the path stands for the additionalProperties of a capability or of VehicleData.
    key: new RegExp(`^${escapeRegExp(vehicleData)} response (properties|required|enum) \\S*\\*`),
    reason:
      'Capabilities accept properties they do not list, and VehicleData accepts ' +
      'capabilities it does not list, as generic readings, so that data the API adds ' +
      'later is not dropped. The reference has no such fallback.',
    bulk: true,
  },
  {
    key: new RegExp(
      `^${escapeRegExp(vehicleData)} response (properties|required|enum) (${genericCapabilities.join('|')})\\b`,
    ),
    reason:
      'These capabilities are typed with the generic capability shape: their readings ' +
      'are kept, but their properties are not typed one by one.',
    bulk: true,
  },
];
