import { describe, expect, it } from 'vitest';
import { maskBody, maskHeaders, maskSecret } from '../src/mask.js';

describe('maskSecret', () => {
  it('keeps four characters and the length', () => {
    expect(maskSecret('abcdefghijklmnop')).toBe('abcd…[masked, 16 characters]');
  });

  it('hides short values completely', () => {
    expect(maskSecret('abcdefgh')).toBe('•••• [masked]');
  });
});

describe('maskHeaders', () => {
  it('masks the credential but keeps the scheme', () => {
    const headers = new Headers({
      authorization: 'Bearer eyJhbGciOiJFUzI1NiJ9.payload.signature',
      'content-type': 'application/json',
    });
    expect(maskHeaders(headers)).toEqual([
      ['authorization', 'Bearer eyJh…[masked, 38 characters]'],
      ['content-type', 'application/json'],
    ]);
  });
});

describe('maskBody', () => {
  const secret = 'super-secret-value-1234';

  it('masks secret fields in JSON at any depth', () => {
    const body = JSON.stringify({
      grant_type: 'client_credentials',
      client_secret: secret,
      nested: [{ access_token: secret }],
    });
    const masked = maskBody(body);
    expect(masked).not.toContain(secret);
    expect(masked).toContain('"grant_type": "client_credentials"');
    expect(masked).toContain('"client_secret": "supe…[masked, 23 characters]"');
    expect(masked).toContain('"access_token": "supe…[masked, 23 characters]"');
  });

  it('masks secret fields in form bodies', () => {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion: secret,
    }).toString();
    const masked = maskBody(body);
    expect(masked).not.toContain(secret);
    expect(masked).toBe(
      'grant_type=client_credentials\nclient_assertion=supe…[masked, 23 characters]',
    );
  });

  it('leaves other text unchanged', () => {
    expect(maskBody('<h1>Bad gateway</h1>')).toBe('<h1>Bad gateway</h1>');
    expect(maskBody('')).toBe('');
  });

  it('shows invalid JSON as it is', () => {
    expect(maskBody('{"errors":[{"title":"Trunc')).toBe('{"errors":[{"title":"Trunc');
  });
});
