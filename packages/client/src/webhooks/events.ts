import type { ClearanceStatus } from '@hm-sdk/openapi';
import { InvalidWebhookError } from '../errors/webhook-errors.js';
import { isValidVin } from '../vin.js';
import { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER, type WebhookBody } from './signature.js';

/** The `fleet_clearance_changed` event: the clearance of a vehicle moved to a new status. */
export interface FleetClearanceChangedEvent {
  /** Event name. */
  event: 'fleet_clearance_changed';
  /** Unique id of this delivery; a repeated delivery carries the same id. */
  delivery_id: string;
  /** The vehicle whose clearance changed. */
  vin: string;
  /** Brand of the vehicle, as given in the clearance request. */
  brand: string;
  /** The new status. */
  status: ClearanceStatus;
  /** The status before the change, or null for a new clearance. */
  previous_status: ClearanceStatus | null;
  /** Reason for the change, such as the cause of a rejection, when the API gives one. */
  reason?: string;
  /** When the status changed, as an ISO 8601 date-time. */
  changed_at: string;
}

const CLEARANCE_STATUSES: ReadonlySet<string> = new Set([
  'pending',
  'approved',
  'rejected',
  'revoking',
  'revoked',
  'canceling',
  'canceled',
  'error',
]);

const decoder = new TextDecoder();

function invalid(detail: string): InvalidWebhookError {
  return new InvalidWebhookError(
    `Invalid fleet_clearance_changed payload: ${detail}. Reject the delivery.`,
    'invalid-payload',
  );
}

function requireString(record: Record<string, unknown>, field: string): string {
  const value = record[field];
  if (typeof value !== 'string' || value === '')
    throw invalid(`${field} must be a non-empty string`);
  return value;
}

function requireStatus(value: unknown, field: string): ClearanceStatus {
  if (typeof value !== 'string' || !CLEARANCE_STATUSES.has(value)) {
    throw invalid(`${field} ${JSON.stringify(value)} is not a clearance status`);
  }
  return value as ClearanceStatus;
}

function parseObject(body: WebhookBody): Record<string, unknown> {
  const text = typeof body === 'string' ? body : decoder.decode(new Uint8Array(body));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid('the body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalid('the body is not a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/**
 * Parses the body of a `fleet_clearance_changed` webhook. It does not check the signature: use
 * {@link constructWebhookEvent} for bodies from the network.
 *
 * @throws InvalidWebhookError when the body is not JSON or lacks a field of the event.
 */
export function parseFleetClearanceChangedEvent(body: WebhookBody): FleetClearanceChangedEvent {
  const record = parseObject(body);
  if (record.event !== 'fleet_clearance_changed') {
    throw invalid(`event is ${JSON.stringify(record.event)}, not "fleet_clearance_changed"`);
  }

  const vin = requireString(record, 'vin');
  if (!isValidVin(vin)) throw invalid(`vin ${JSON.stringify(vin)} is not a valid VIN`);
  const changedAt = requireString(record, 'changed_at');
  if (Number.isNaN(Date.parse(changedAt))) {
    throw invalid(`changed_at ${JSON.stringify(changedAt)} is not a date-time`);
  }
  if (record.reason !== undefined && typeof record.reason !== 'string')
    throw invalid('reason must be a string');
  return {
    event: 'fleet_clearance_changed',
    delivery_id: requireString(record, 'delivery_id'),
    vin,
    brand: requireString(record, 'brand'),
    status: requireStatus(record.status, 'status'),
    previous_status:
      record.previous_status === null || record.previous_status === undefined
        ? null
        : requireStatus(record.previous_status, 'previous_status'),
    ...(typeof record.reason === 'string' ? { reason: record.reason } : {}),
    changed_at: changedAt,
  };
}

/** Input of {@link constructWebhookEvent}. */
export interface WebhookDelivery {
  /** The raw body exactly as received. */
  body: WebhookBody;
  /** The request headers, or just the `X-HM-Signature-256` value. */
  headers: Headers | Record<string, string | string[] | undefined> | { signature: string | null };
  /** The webhook secret configured for the application. */
  secret: string;
}

function readSignature(headers: WebhookDelivery['headers']): string | null {
  if (headers instanceof Headers) return headers.get(WEBHOOK_SIGNATURE_HEADER);
  if ('signature' in headers && !(WEBHOOK_SIGNATURE_HEADER in headers)) {
    return (headers as { signature: string | null }).signature;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== WEBHOOK_SIGNATURE_HEADER) continue;
    return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
  }
  return null;
}

/**
 * Verifies a webhook delivery's signature, then parses its `fleet_clearance_changed` event.
 *
 * @example
 * ```ts
 * // In a fetch-style handler (Node 20+, Deno, Bun, Workers):
 * const event = await constructWebhookEvent({
 *   body: new Uint8Array(await request.arrayBuffer()),
 *   headers: request.headers,
 *   secret: process.env.HM_WEBHOOK_SECRET!,
 * });
 * console.log(event.vin, event.previous_status, '->', event.status);
 * ```
 * @throws InvalidWebhookError when the signature is missing or wrong, or the payload is invalid.
 */
export async function constructWebhookEvent(
  delivery: WebhookDelivery,
): Promise<FleetClearanceChangedEvent> {
  await verifyWebhookSignature(delivery.secret, delivery.body, readSignature(delivery.headers));
  return parseFleetClearanceChangedEvent(delivery.body);
}
