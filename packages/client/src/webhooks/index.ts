/**
 * Webhook verification for servers that receive the API's webhook deliveries: checks the
 * signature header against the shared secret and parses the event. It lives in its own entry,
 * `@hm-sdk/client/webhooks`, because only the receiving server needs it; browser apps that
 * import the main entry do not download it.
 * @packageDocumentation
 */
export { InvalidWebhookError, type WebhookProblem } from '../errors/webhook-errors.js';
export {
  constructWebhookEvent,
  type FleetClearanceChangedEvent,
  parseFleetClearanceChangedEvent,
  type WebhookDelivery,
} from './events.js';
export { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER, type WebhookBody } from './signature.js';
