import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmClient, type HmClient } from '../src/index.js';
import {
  createRecordingLogger,
  type MockHarness,
  rejectionOf,
  sandboxVin,
  startHarness,
} from './support/fixtures.js';

const CLIENT_SECRET = 'secret-for-redaction-tests-9f8e7d6c';
const VIN = sandboxVin(8_001);

let harness: MockHarness;
let client: HmClient;
let accessToken: string;
const logger = createRecordingLogger();

/** Renders a value every way it could be shown: message, stack, inspect and JSON. */
function renderings(value: unknown): string[] {
  const error = value as Error;
  return [
    String(error?.message),
    String(error?.stack),
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    JSON.stringify(value) ?? '',
  ];
}

function expectNoSecret(value: unknown): void {
  for (const text of renderings(value)) {
    expect(text).not.toContain(CLIENT_SECRET);
    expect(text).not.toContain(accessToken);
  }
}

beforeAll(async () => {
  harness = await startHarness();
  const app = harness.mock.registerApp({ clientSecret: CLIENT_SECRET });
  client = createHmClient({ credentials: app, baseUrl: harness.server.url, logger, retry: false });
  accessToken = (await client.tokenProvider.getToken()).accessToken;
});
afterAll(() => harness.server.close());

describe('secrets', () => {
  it('stay out of the client when inspected or serialised', () => {
    expect(inspect(client, { depth: Number.POSITIVE_INFINITY, showHidden: true })).toBe(
      `HmClient { baseUrl: '${harness.server.url}' }`,
    );
    expect(JSON.stringify(client)).toBe(JSON.stringify({ baseUrl: harness.server.url }));
    expectNoSecret(client);
  });

  it('stay out of an ApiError', async () => {
    const error = await rejectionOf(client.getClearance(VIN));

    expect((error as { status?: number }).status).toBe(404);
    expectNoSecret(error);
  });

  it('stay out of the error after a rejected token', async () => {
    harness.mock.injectFault(
      'GET /v1/fleets/vehicles/:vin',
      { type: 'status', status: 401 },
      { times: 2 },
    );

    const error = await rejectionOf(client.getClearance(VIN));

    expect((error as { status?: number }).status).toBe(401);
    expectNoSecret(error);
  });

  it('stay out of network, timeout and parse errors', async () => {
    const errors = [];
    harness.mock.injectFault('GET /v1/fleets/vehicles/:vin', { type: 'network-error' });
    errors.push(await rejectionOf(client.getClearance(VIN)));
    harness.mock.injectFault('GET /v1/fleets/vehicles/:vin', { type: 'latency', delayMs: 1_000 });
    errors.push(await rejectionOf(client.getClearance(VIN, { timeoutMs: 30 })));
    harness.mock.injectFault('GET /v1/fleets/vehicles/:vin', { type: 'html-502' });
    errors.push(await rejectionOf(client.getClearance(VIN)));

    expect(errors.map((error) => (error as { code?: string }).code)).toEqual([
      'ERR_CLIENT_NETWORK',
      'ERR_CLIENT_TIMEOUT',
      'ERR_CLIENT_UNEXPECTED_CONTENT_TYPE',
    ]);
    for (const error of errors) expectNoSecret(error);
  });

  it('stay out of the logs', async () => {
    harness.mock.injectFault('GET /v1/fleets/vehicles/:vin', { type: 'status', status: 401 });
    await client.getClearance(VIN).catch(() => undefined);

    expect(logger.entries.length).toBeGreaterThan(0);
    const logged = JSON.stringify(logger.entries);
    expect(logged).not.toContain(CLIENT_SECRET);
    expect(logged).not.toContain(accessToken);
  });

  it('stay out of a response body echoed in an error excerpt', async () => {
    harness.mock.injectFault('GET /v1/fleets/vehicles/:vin', {
      type: 'status',
      status: 502,
      body: `upstream rejected token ${accessToken}`,
    });

    const error = await rejectionOf(client.getClearance(VIN));

    expect((error as { bodyExcerpt?: string }).bodyExcerpt).toBe(
      'upstream rejected token [redacted]',
    );
    expectNoSecret(error);
  });
});
