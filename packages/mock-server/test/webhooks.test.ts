import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  createMockApi,
  signWebhookBody,
  verifyWebhookSignature,
  type WebhookDelivery,
} from '../src/index.js';
import { call, sandboxVin, tokenFor } from './helpers.js';

const secret = 'webhook-test-secret';

function hmacHex(body: Buffer | string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

describe('webhook callback', () => {
  it('receives every status change, signed', async () => {
    const received: WebhookDelivery[] = [];
    const mock = createMockApi({
      clock: 'manual',
      approvalDelayMs: 100,
      transitionDelayMs: 100,
      webhook: { secret, callback: (delivery) => void received.push(delivery) },
    });
    const token = await tokenFor(mock);
    await call(mock, 'POST', '/v1/fleets/vehicles', {
      token,
      body: { vehicles: [{ vin: sandboxVin, brand: 'sandbox' }] },
    });
    mock.clock.advance(100);
    await call(mock, 'DELETE', `/v1/fleets/vehicles/${sandboxVin}`, { token });
    mock.clock.advance(100);
    await mock.flushWebhooks();

    expect(received.map((delivery) => delivery.payload.status)).toEqual([
      'pending',
      'approved',
      'revoking',
      'revoked',
    ]);
    expect(received[0]?.payload.previous_status).toBeNull();
    expect(received[1]?.payload.previous_status).toBe('pending');
    for (const delivery of received) {
      expect(delivery.event).toBe('fleet_clearance_changed');
      expect(delivery.payload.vin).toBe(sandboxVin);
      expect(delivery.headers['x-hm-signature-256']).toBe(`sha256=${hmacHex(delivery.body)}`);
      expect(delivery.headers['x-hm-delivery-id']).toBe(delivery.id);
      expect(JSON.parse(delivery.body)).toEqual(delivery.payload);
    }
    expect(new Set(received.map((delivery) => delivery.id)).size).toBe(4);
    expect(mock.webhookDeliveries).toHaveLength(4);
  });

  it('delivers changes in order', async () => {
    const received: string[] = [];
    let sends = 0;
    const mock = createMockApi({
      clock: 'manual',
      approvalDelayMs: 0,
      webhook: {
        secret,
        url: 'http://127.0.0.1:9/hooks',
        // The first send is slow, so an unordered sender would report the second change first.
        fetch: async () => {
          sends += 1;
          if (sends === 1) await new Promise((resolve) => setTimeout(resolve, 50));
          return new Response(null, { status: 204 });
        },
        callback: (delivery) => void received.push(delivery.payload.status),
      },
    });
    mock.setClearanceStatus(sandboxVin, 'pending');
    mock.setClearanceStatus(sandboxVin, 'approved');
    await mock.flushWebhooks();
    expect(received).toEqual(['pending', 'approved']);
    expect(mock.webhookDeliveries.map((delivery) => delivery.payload.status)).toEqual([
      'pending',
      'approved',
    ]);
  });

  it('redelivers with the same id and signature', async () => {
    const received: WebhookDelivery[] = [];
    const mock = createMockApi({
      clock: 'manual',
      webhook: { secret, callback: (delivery) => void received.push(delivery) },
    });
    mock.setClearanceStatus(sandboxVin, 'approved');
    await mock.flushWebhooks();
    const first = received[0];
    await mock.redeliverWebhook(first?.id ?? '');
    expect(received).toHaveLength(2);
    expect(received[1]?.id).toBe(first?.id);
    expect(received[1]?.body).toBe(first?.body);
    expect(received[1]?.headers['x-hm-signature-256']).toBe(first?.headers['x-hm-signature-256']);
    expect(received.map((delivery) => delivery.attempt)).toEqual([1, 2]);
    await expect(mock.redeliverWebhook('nope')).rejects.toThrow(/Unknown webhook delivery id/);
  });

  it('reports a callback that throws', async () => {
    const mock = createMockApi({ clock: 'manual' });
    mock.configureWebhook({
      secret,
      callback: () => {
        throw new Error('receiver down');
      },
    });
    mock.setClearanceStatus(sandboxVin, 'approved');
    await mock.flushWebhooks();
    expect(mock.webhookDeliveries[0]?.error).toBe('Webhook callback failed: receiver down');
  });

  it('sends nothing when not configured', async () => {
    const mock = createMockApi({ clock: 'manual' });
    mock.setClearanceStatus(sandboxVin, 'approved');
    await mock.flushWebhooks();
    expect(mock.webhookDeliveries).toHaveLength(0);
  });
});

describe('webhook URL delivery', () => {
  it('posts the exact signed bytes to a receiver', async () => {
    const requests: Array<{ headers: IncomingHttpHeaders; body: Buffer }> = [];
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        requests.push({ headers: request.headers, body: Buffer.concat(chunks) });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    try {
      const mock = createMockApi({ clock: 'manual' });
      mock.configureWebhook({ secret, url: `http://127.0.0.1:${port}/hooks` });
      mock.setClearanceStatus(sandboxVin, 'rejected', { reason: 'Owner declined' });
      await mock.flushWebhooks();

      expect(requests).toHaveLength(1);
      const [request] = requests;
      expect(request?.headers['x-hm-signature-256']).toBe(`sha256=${hmacHex(request?.body ?? '')}`);
      expect(request?.headers['x-hm-delivery-id']).toBe(mock.webhookDeliveries[0]?.id);
      expect(request?.headers['x-hm-event']).toBe('fleet_clearance_changed');
      const payload = JSON.parse(request?.body.toString('utf8') ?? '{}');
      expect(payload).toMatchObject({
        vin: sandboxVin,
        status: 'rejected',
        reason: 'Owner declined',
      });
      expect(mock.webhookDeliveries[0]?.responseStatus).toBe(204);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('records a failed delivery', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    const mock = createMockApi({ clock: 'manual' });
    mock.configureWebhook({ secret, url: `http://127.0.0.1:${port}/hooks` });
    mock.setClearanceStatus(sandboxVin, 'approved');
    await mock.flushWebhooks();
    expect(mock.webhookDeliveries[0]?.error).toMatch(
      /^POST http:\/\/127\.0\.0\.1:\d+\/hooks failed/,
    );
  });
});

describe('webhook signatures', () => {
  it('sign and verify the same bytes', async () => {
    const body = '{"vin":"ÄÖÜ"}';
    const signature = await signWebhookBody(secret, body);
    expect(signature).toBe(`sha256=${hmacHex(Buffer.from(body, 'utf8'))}`);
    expect(await verifyWebhookSignature(secret, body, signature)).toBe(true);
    expect(await verifyWebhookSignature(secret, `${body} `, signature)).toBe(false);
    expect(await verifyWebhookSignature('other', body, signature)).toBe(false);
    expect(await verifyWebhookSignature(secret, body, null)).toBe(false);
  });

  it('reject an empty secret', () => {
    const mock = createMockApi();
    expect(() => mock.configureWebhook({ secret: '', url: 'http://127.0.0.1:1/' })).toThrow(
      /secret/,
    );
  });
});
