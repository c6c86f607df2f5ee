import { createMockApi } from '@hm-sdk/mock-server';
import { setupMockServer } from '@hm-sdk/mock-server/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';

const mock = createMockApi();
const server = setupMockServer(mock);

// With msw 3, the option is called onUnhandledFrame.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mock.reset());
afterAll(() => server.close());

it('checks a sandbox VIN', async () => {
  const base = 'https://sandbox.api.high-mobility.com';
  const { clientId, clientSecret } = mock.registerApp();

  const tokenResponse = await fetch(`${base}/v1/access_tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }),
  });
  const { access_token } = await tokenResponse.json();

  const response = await fetch(`${base}/v1/eligibility`, {
    method: 'POST',
    headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ vin: 'EXVETESTV1N000001', brand: 'sandbox' }),
  });

  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ eligible: true });
  expect(mock.requests.map((request) => request.route)).toEqual([
    'POST /v1/access_tokens',
    'POST /v1/eligibility',
  ]);
});

it('matches the first example of the README', async () => {
  const { readFile } = await import('node:fs/promises');
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  const source = await readFile(new URL(import.meta.url), 'utf8');
  const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(example).toBeDefined();
  expect(source.startsWith(example ?? '-')).toBe(true);
});
