import { InvalidWebhookError } from '../errors/webhook-errors.js';

/** Name of the header that carries a delivery's signature, `sha256=<hex>`. */
export const WEBHOOK_SIGNATURE_HEADER = 'x-hm-signature-256';

/** A raw webhook body: the exact bytes received, or the text they decode to as UTF-8. */
export type WebhookBody = string | Uint8Array | ArrayBuffer;

const encoder = new TextEncoder();
const SHA256_BYTES = 32;

function toBytes(body: WebhookBody): Uint8Array<ArrayBuffer> {
  if (typeof body === 'string') return encoder.encode(body);
  // A copy, because Web Crypto does not accept views of a SharedArrayBuffer.
  return new Uint8Array(body);
}

/** Decodes 64 hex digits to 32 bytes, or returns undefined for anything else. */
function decodeSha256Hex(hex: string): Uint8Array | undefined {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return undefined;
  const bytes = new Uint8Array(SHA256_BYTES);
  for (let index = 0; index < SHA256_BYTES; index += 1) {
    bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  }
  return bytes;
}

/**
 * Compares two 32-byte MACs in time that does not depend on where they differ, so the
 * comparison leaks nothing about the expected signature.
 */
function equalInConstantTime(expected: Uint8Array, received: Uint8Array): boolean {
  let difference = expected.length ^ received.length;
  for (let index = 0; index < expected.length; index += 1) {
    difference |= (expected[index] ?? 0) ^ (received[index] ?? 0);
  }
  return difference === 0;
}

/**
 * Checks a webhook's `X-HM-Signature-256` header: an HMAC-SHA256 of the raw body bytes under the
 * webhook secret, sent as `sha256=<hex>` (a bare hex value is accepted too). Uses Web Crypto, so
 * it runs in Node, browsers and edge runtimes.
 *
 * Pass the body exactly as received, before any JSON parsing: re-serialised JSON has different
 * bytes and never verifies.
 *
 * @throws InvalidWebhookError when the header is missing, malformed or does not match.
 * @throws TypeError when the secret is empty.
 */
export async function verifyWebhookSignature(
  secret: string,
  body: WebhookBody,
  signature: string | null | undefined,
): Promise<void> {
  if (typeof secret !== 'string' || secret === '') {
    throw new TypeError('verifyWebhookSignature needs the webhook secret as a non-empty string.');
  }
  if (signature === null || signature === undefined || signature.trim() === '') {
    throw new InvalidWebhookError(
      `The webhook has no ${WEBHOOK_SIGNATURE_HEADER} header; reject the delivery.`,
      'missing-signature',
    );
  }
  const hex = signature.trim().replace(/^sha256=/i, '');
  const received = decodeSha256Hex(hex);
  if (received === undefined) {
    throw new InvalidWebhookError(
      `The ${WEBHOOK_SIGNATURE_HEADER} header is not "sha256=" followed by 64 hex digits; reject the delivery.`,
      'malformed-signature',
    );
  }
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const expected = new Uint8Array(await crypto.subtle.sign('HMAC', key, toBytes(body)));
  if (!equalInConstantTime(expected, received)) {
    throw new InvalidWebhookError(
      'The webhook signature does not match its body. Check that the secret is the one configured for this webhook and that the body is passed unparsed.',
      'signature-mismatch',
    );
  }
}
