import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signWebhookBody } from '@hm-sdk/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  constructWebhookEvent,
  type FleetClearanceChangedEvent,
  InvalidWebhookError,
  parseFleetClearanceChangedEvent,
  verifyWebhookSignature,
} from '../src/webhooks/index.js';
import { type MockHarness, rejectionOf, sandboxVin, startHarness } from './support/fixtures.js';

const SECRET = 'whsec-test-only-4f1c9a';
const VIN = sandboxVin(6_001);

function event(overrides: Partial<FleetClearanceChangedEvent> = {}): string {
  return JSON.stringify({
    event: 'fleet_clearance_changed',
    delivery_id: 'b7a1c2d3-0000-4000-8000-000000000001',
    vin: VIN,
    brand: 'sandbox',
    status: 'rejected',
    previous_status: 'pending',
    reason: 'Der Halter hat abgelehnt – 拒否',
    changed_at: '2024-05-01T10:00:00.000Z',
    ...overrides,
  });
}

describe('webhooks delivered over HTTP by the mock', () => {
  let harness: MockHarness;
  let receiver: Server;
  const received: Array<FleetClearanceChangedEvent | InvalidWebhookError> = [];

  beforeAll(async () => {
    // A receiver that verifies the raw bytes, as an application's endpoint would.
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', async () => {
        const headers = request.headers as Record<string, string | string[] | undefined>;
        const body = new Uint8Array(Buffer.concat(chunks));
        try {
          received.push(await constructWebhookEvent({ body, headers, secret: SECRET }));
          response.writeHead(204).end();
        } catch (error) {
          received.push(error as InvalidWebhookError);
          response.writeHead(400).end();
        }
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    harness = await startHarness({
      webhook: { secret: SECRET, url: `http://127.0.0.1:${port}/hooks` },
    });
  });
  afterAll(async () => {
    await harness.server.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('verifies and parses every status change', async () => {
    const client = harness.client();

    await client.requestClearance([{ vin: VIN, brand: 'sandbox' }]);
    await harness.mock.flushWebhooks();

    const statuses = received.map((item) => (item instanceof Error ? item.message : item.status));
    expect(statuses).toEqual(['pending', 'approved']);
    expect(received[1]).toMatchObject({
      vin: VIN,
      previous_status: 'pending',
      event: 'fleet_clearance_changed',
    });
    expect(harness.mock.webhookDeliveries.map((delivery) => delivery.responseStatus)).toEqual([
      204, 204,
    ]);
  });
});

describe('verifyWebhookSignature', () => {
  it('accepts the signature of the exact bytes', async () => {
    const body = event();
    const signature = await signWebhookBody(SECRET, body);

    await expect(
      verifyWebhookSignature(SECRET, new TextEncoder().encode(body), signature),
    ).resolves.toBeUndefined();
    await expect(
      verifyWebhookSignature(SECRET, body, signature.replace('sha256=', '')),
    ).resolves.toBeUndefined();
  });

  it.each([
    ['a changed body', event({ status: 'approved' }), undefined],
    ['another secret', event(), 'whsec-other'],
  ])('rejects %s', async (_, body, otherSecret) => {
    const signature = await signWebhookBody(otherSecret ?? SECRET, otherSecret ? body : event());

    const error = await rejectionOf(verifyWebhookSignature(SECRET, body, signature));

    expect(error).toBeInstanceOf(InvalidWebhookError);
    expect((error as InvalidWebhookError).problem).toBe('signature-mismatch');
  });

  it('rejects re-serialised JSON, whose bytes differ', async () => {
    const body = event();
    const signature = await signWebhookBody(SECRET, body);
    const reserialised = JSON.stringify(JSON.parse(body), null, 2);

    const error = await rejectionOf(verifyWebhookSignature(SECRET, reserialised, signature));

    expect((error as InvalidWebhookError).problem).toBe('signature-mismatch');
  });

  it.each([
    ['missing', undefined, 'missing-signature'],
    ['empty', ' ', 'missing-signature'],
    ['short', 'sha256=abc123', 'malformed-signature'],
    ['not hex', `sha256=${'z'.repeat(64)}`, 'malformed-signature'],
  ])('rejects a %s header', async (_, signature, problem) => {
    const error = await rejectionOf(verifyWebhookSignature(SECRET, event(), signature));

    expect((error as InvalidWebhookError).code).toBe('ERR_CLIENT_INVALID_WEBHOOK');
    expect((error as InvalidWebhookError).problem).toBe(problem);
  });

  it('rejects an empty secret', async () => {
    await expect(verifyWebhookSignature('', event(), 'sha256=00')).rejects.toThrow(TypeError);
  });
});

describe('parseFleetClearanceChangedEvent', () => {
  it('keeps non-ASCII text intact', () => {
    const parsed = parseFleetClearanceChangedEvent(new TextEncoder().encode(event()));

    expect(parsed.reason).toBe('Der Halter hat abgelehnt – 拒否');
    expect(parsed.previous_status).toBe('pending');
  });

  it.each([
    ['not JSON', '<html>', /the body is not JSON/],
    ['another event', JSON.stringify({ event: 'vehicle_updated' }), /event is "vehicle_updated"/],
    ['a bad status', event({ status: 'done' as never }), /status "done" is not a clearance status/],
    ['a bad VIN', event({ vin: 'nope' }), /vin "nope" is not a valid VIN/],
    ['a bad date', event({ changed_at: 'yesterday' }), /changed_at "yesterday" is not a date-time/],
  ])('rejects %s', (_, body, message) => {
    expect(() => parseFleetClearanceChangedEvent(body)).toThrow(message);
  });

  it('reads the signature from a Headers object', async () => {
    const body = event();
    const headers = new Headers({ 'X-HM-Signature-256': await signWebhookBody(SECRET, body) });

    const parsed = await constructWebhookEvent({ body, headers, secret: SECRET });

    expect(parsed.vin).toBe(VIN);
  });
});
