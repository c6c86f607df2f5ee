import type { ClearanceChange, ClearanceStatus } from './state/clearances.js';

/** Header that carries the body's HMAC-SHA256 signature as `sha256=<hex>`. */
export const webhookSignatureHeader = 'x-hm-signature-256';
/** Header that carries the unique id of one delivery. */
export const webhookDeliveryHeader = 'x-hm-delivery-id';
/** Header that carries the event name. */
export const webhookEventHeader = 'x-hm-event';

/** Webhook delivery settings: target URL or callback, and the signing secret. */
export interface WebhookOptions {
  /** Shared secret for the HMAC-SHA256 signature. */
  secret: string;
  /** URL that receives a POST per event, for example a receiver on `http://127.0.0.1:<port>`. */
  url?: string;
  /** Function called with each delivery, after the URL delivery when both are set. */
  callback?: (delivery: WebhookDelivery) => void | Promise<void>;
  /** fetch used for URL delivery; defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** Body of a `fleet_clearance_changed` event. */
export interface FleetClearanceChangedPayload {
  event: 'fleet_clearance_changed';
  delivery_id: string;
  vin: string;
  brand: string;
  status: ClearanceStatus;
  previous_status: ClearanceStatus | null;
  reason?: string;
  changed_at: string;
}

/** One webhook delivery as the mock recorded it. */
export interface WebhookDelivery {
  id: string;
  event: 'fleet_clearance_changed';
  /** The exact body sent; the signature covers these bytes (UTF-8). */
  body: string;
  headers: Record<string, string>;
  payload: FleetClearanceChangedPayload;
  /** 1 for the first delivery of an event, 2 and up for `redeliverWebhook` copies. */
  attempt: number;
  /** URL it was posted to, when a URL is configured. */
  url?: string;
  /** Status the receiver returned, once the POST finished. */
  responseStatus?: number;
  /** Failure message, for a network error or a callback that threw. */
  error?: string;
}

const encoder = new TextEncoder();

function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Signs `body` as the mock does: `sha256=` and the hex HMAC-SHA256 of its UTF-8 bytes. */
export async function signWebhookBody(secret: string, body: string | Uint8Array): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const bytes = typeof body === 'string' ? encoder.encode(body) : new Uint8Array(body);
  return `sha256=${toHex(await crypto.subtle.sign('HMAC', key, bytes))}`;
}

/** Returns whether `signature` (the header value) matches `body` under `secret`. */
export async function verifyWebhookSignature(
  secret: string,
  body: string | Uint8Array,
  signature: string | null,
): Promise<boolean> {
  if (!signature) return false;
  const expected = await signWebhookBody(secret, body);
  if (expected.length !== signature.length) return false;
  let difference = 0;
  for (let index = 0; index < expected.length; index += 1) {
    difference |= expected.charCodeAt(index) ^ signature.charCodeAt(index);
  }
  return difference === 0;
}

/** Sends clearance change events to the configured URL and callback; one per mock instance. */
export class WebhookDispatcher {
  #options: WebhookOptions | undefined;
  readonly #pending = new Set<Promise<void>>();
  // Tail of the chain of change deliveries. Each waits for the one before it, because signing and
  // sending are asynchronous and would otherwise let a later change arrive first.
  #lastChange: Promise<void> = Promise.resolve();
  readonly deliveries: WebhookDelivery[] = [];

  configure(options: WebhookOptions | undefined): void {
    if (options && (typeof options.secret !== 'string' || options.secret === '')) {
      throw new TypeError('Invalid webhook options: secret must be a non-empty string.');
    }
    this.#options = options && { ...options };
  }

  dispatch(change: ClearanceChange): void {
    const options = this.#options;
    if (!options || (!options.url && !options.callback)) return;
    const previous = this.#lastChange;
    const next = previous.then(() => this.#deliverChange(options, change));
    // #deliverChange catches send failures itself, so the chain only guards against a signing error.
    this.#lastChange = next.catch(() => undefined);
    this.#track(next);
  }

  /**
   * Sends an earlier delivery again with the same id, body and signature, as a retrying sender
   * would, so receivers can test that they handle duplicates.
   */
  redeliver(id: string): Promise<void> {
    const original = this.deliveries.find((delivery) => delivery.id === id);
    if (!original) {
      return Promise.reject(
        new Error(`Unknown webhook delivery id "${id}": pass an id from webhookDeliveries.`),
      );
    }
    const options = this.#options;
    if (!options) {
      return Promise.reject(new Error('No webhook is configured: call configureWebhook first.'));
    }
    const attempts = this.deliveries.filter((delivery) => delivery.id === id).length;
    const copy: WebhookDelivery = {
      id,
      event: original.event,
      body: original.body,
      headers: { ...original.headers },
      payload: original.payload,
      attempt: attempts + 1,
    };
    return this.#track(this.#send(options, copy));
  }

  /** Resolves once every delivery started so far has finished. */
  async flush(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  clear(): void {
    this.deliveries.length = 0;
  }

  #track(task: Promise<void>): Promise<void> {
    const tracked = task.finally(() => this.#pending.delete(tracked));
    this.#pending.add(tracked);
    return tracked;
  }

  async #deliverChange(options: WebhookOptions, change: ClearanceChange): Promise<void> {
    const id = crypto.randomUUID();
    const payload: FleetClearanceChangedPayload = {
      event: 'fleet_clearance_changed',
      delivery_id: id,
      vin: change.vin,
      brand: change.brand,
      status: change.status,
      previous_status: change.previousStatus ?? null,
      ...(change.reason === undefined ? {} : { reason: change.reason }),
      changed_at: change.timestamp,
    };
    const body = JSON.stringify(payload);
    const headers = {
      'content-type': 'application/json',
      [webhookEventHeader]: 'fleet_clearance_changed',
      [webhookDeliveryHeader]: id,
      [webhookSignatureHeader]: await signWebhookBody(options.secret, body),
    };
    await this.#send(options, {
      id,
      event: 'fleet_clearance_changed',
      body,
      headers,
      payload,
      attempt: 1,
    });
  }

  async #send(options: WebhookOptions, delivery: WebhookDelivery): Promise<void> {
    this.deliveries.push(delivery);
    if (options.url) {
      delivery.url = options.url;
      try {
        const response = await (options.fetch ?? fetch)(options.url, {
          method: 'POST',
          headers: delivery.headers,
          body: delivery.body,
        });
        delivery.responseStatus = response.status;
        await response.arrayBuffer();
      } catch (error) {
        delivery.error = `POST ${options.url} failed: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    try {
      await options.callback?.(delivery);
    } catch (error) {
      delivery.error = `Webhook callback failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}
