import { describe, expect, it } from 'vitest';
import { describeError } from '../src/errors.js';

describe('describeError', () => {
  it('explains rejected credentials despite HTTP 400', () => {
    const error = Object.assign(new Error('Token request was rejected with HTTP 400'), {
      code: 'ERR_AUTH_OAUTH',
      status: 400,
      error: 'invalid_request',
      error_description: 'client_secret is invalid',
    });
    const described = describeError(error);
    expect(described.title).toBe('The credentials were not accepted');
    expect(described.details).toContain('OAuth error: invalid_request: client_secret is invalid');
    expect(described.details).toContain('Code: ERR_AUTH_OAUTH');
  });

  it('lists the API errors and request id', () => {
    const error = Object.assign(new Error('POST /v1/eligibility failed with HTTP 429'), {
      status: 429,
      errors: [{ title: 'Too many requests', detail: 'retry after 1s' }],
      requestId: 'req-1',
    });
    const described = describeError(error);
    expect(described.title).toBe('Too many requests');
    expect(described.details).toContain('Too many requests: retry after 1s');
    expect(described.details).toContain('Request id: req-1');
  });

  it('advises on server errors', () => {
    expect(describeError(Object.assign(new Error('boom'), { status: 503 })).title).toBe(
      'The API failed',
    );
  });

  it('treats SDK input errors as invalid input', () => {
    const described = describeError(new TypeError('Invalid VIN "X": a VIN has 17 characters.'));
    expect(described.title).toBe('The input is not valid');
    expect(described.hint).toContain('Nothing was sent');
  });

  it('keeps other type errors generic', () => {
    const described = describeError(new TypeError('x.map is not a function'));
    expect(described.title).toBe('Something went wrong');
    expect(described.hint).toBe('x.map is not a function');
  });
});
