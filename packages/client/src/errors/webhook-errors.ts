import { HmClientError, type HmClientErrorOptions } from './base.js';

/** The reason a webhook delivery was rejected. */
export type WebhookProblem =
  | 'missing-signature'
  | 'malformed-signature'
  | 'signature-mismatch'
  | 'invalid-payload';

/**
 * A webhook delivery failed verification or parsing. Respond to such a delivery with 400 or 401
 * and do not act on its content.
 */
export class InvalidWebhookError extends HmClientError {
  override readonly name = 'InvalidWebhookError';
  readonly code = 'ERR_CLIENT_INVALID_WEBHOOK';
  /** The problem with the delivery. */
  readonly problem: WebhookProblem;

  constructor(message: string, problem: WebhookProblem, options: HmClientErrorOptions = {}) {
    super(message, options);
    this.problem = problem;
  }
}
