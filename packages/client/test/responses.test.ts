import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, ResponseParseError, UnexpectedContentTypeError } from '../src/index.js';
import { type MockHarness, rejectionOf, sandboxVin, startHarness } from './support/fixtures.js';

const VIN = sandboxVin(21);
const ROUTE = 'GET /v1/fleets/vehicles/:vin';

let harness: MockHarness;

beforeAll(async () => {
  harness = await startHarness();
  const client = harness.client();
  await client.requestClearance([{ vin: VIN, brand: 'sandbox' }]);
});
afterEach(() => harness.mock.clearFaults());
afterAll(() => harness.server.close());

function getClearance() {
  return harness.client({ retry: false }).request('get', '/v1/fleets/vehicles/{vin}', {
    params: { path: { vin: VIN } },
  });
}

describe('unusable bodies', () => {
  it('reports an HTML 502 page as an unexpected content type', async () => {
    harness.mock.injectFault(ROUTE, { type: 'html-502' });

    const error = await rejectionOf(getClearance());

    expect(error).toBeInstanceOf(UnexpectedContentTypeError);
    const typed = error as UnexpectedContentTypeError;
    expect(typed.code).toBe('ERR_CLIENT_UNEXPECTED_CONTENT_TYPE');
    expect(typed.status).toBe(502);
    expect(typed.contentType).toBe('text/html; charset=utf-8');
    expect(typed.bodyExcerpt).toBe(
      '502 Bad Gateway 502 Bad Gateway The upstream server did not respond.',
    );
    expect(typed.message).not.toContain('<');
  });

  it('reports an empty 500 as a parse error, not an API answer', async () => {
    harness.mock.injectFault(ROUTE, { type: 'empty-500' });

    const error = await rejectionOf(getClearance());

    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as ResponseParseError).problem).toBe('empty-body');
    expect((error as ResponseParseError).status).toBe(500);
  });

  it.each([
    ['text/plain', {}],
    ['application/json', { 'content-type': 'application/json' }],
  ])('never treats an empty 200 (%s) as success', async (_, headers) => {
    harness.mock.injectFault(ROUTE, { type: 'status', status: 200, body: '', headers });

    const error = await rejectionOf(getClearance());

    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as ResponseParseError).problem).toBe('empty-body');
    expect((error as ResponseParseError).status).toBe(200);
  });

  it('reports a cut-off JSON body as invalid JSON', async () => {
    harness.mock.injectFault(ROUTE, { type: 'malformed-json' });

    const error = await rejectionOf(getClearance());

    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as ResponseParseError).problem).toBe('invalid-json');
    expect((error as ResponseParseError).bodyExcerpt).toBe('{"errors":[{"title":"Trunc');
    expect((error as ResponseParseError).requestId).toBe(harness.mock.requests.at(-1)?.requestId);
  });

  it('applies the same checks to the raw api', async () => {
    harness.mock.injectFault(ROUTE, { type: 'html-502' });
    const client = harness.client({ retry: false });

    const error = await rejectionOf(
      client.api.GET('/v1/fleets/vehicles/{vin}', { params: { path: { vin: VIN } } }),
    );

    expect(error).toBeInstanceOf(UnexpectedContentTypeError);
  });
});

describe('content types', () => {
  it.each([
    'application/json; charset=utf-8',
    'Application/JSON; Charset=UTF-8',
    'application/problem+json',
  ])('accepts %s', async (contentType) => {
    const body = { vin: VIN, status: 'approved' };
    harness.mock.injectFault(ROUTE, {
      type: 'status',
      status: 200,
      body,
      headers: { 'content-type': contentType },
    });

    const result = await getClearance();

    expect(result.ok).toBe(true);
    expect(result.data).toEqual(body);
  });
});

describe('results by status', () => {
  it('narrows a documented error status to its schema', async () => {
    const result = await harness.client().request('get', '/v1/fleets/vehicles/{vin}', {
      params: { path: { vin: 'WVWZZZ1JZXW000009' } },
    });

    if (result.ok || result.status !== 404) throw new Error(`expected a 404, got ${result.status}`);
    expect(result.error.errors[0]?.title).toBe('Not found');
    expect(result.apiError).toBeInstanceOf(ApiError);
    expect(result.apiError.status).toBe(404);
    expect(result.requestId).toBe(harness.mock.requests.at(-1)?.requestId);
  });

  it('keeps an undocumented status as a failure with its body', async () => {
    harness.mock.injectFault(ROUTE, {
      type: 'status',
      status: 418,
      body: { errors: [{ title: 'Teapot', detail: 'short and stout' }], request_id: 'abc' },
    });

    const result = await getClearance();

    expect(result.ok).toBe(false);
    expect(result.status).toBe(418);
    expect(result.error).toEqual({
      errors: [{ title: 'Teapot', detail: 'short and stout' }],
      request_id: 'abc',
    });
    if (!result.ok) expect(result.apiError.message).toContain('HTTP 418: Teapot: short and stout');
  });

  it('reads OAuth-style error bodies into error items', async () => {
    harness.mock.injectFault(ROUTE, {
      type: 'status',
      status: 400,
      body: { error: 'invalid_request', error_description: 'filter is malformed' },
    });

    const result = await getClearance();

    if (result.ok) throw new Error('expected a failure');
    expect(result.apiError.errors).toEqual([
      { title: 'invalid_request', detail: 'filter is malformed' },
    ]);
  });
});
