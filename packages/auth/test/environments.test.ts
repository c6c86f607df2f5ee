import { describe, expect, it } from 'vitest';
import { environments, resolveBaseUrl } from '../src/index.js';

describe('resolveBaseUrl', () => {
  it('defaults to sandbox', () => {
    expect(resolveBaseUrl()).toBe('https://sandbox.api.high-mobility.com');
  });

  it('returns the production preset', () => {
    expect(resolveBaseUrl({ environment: 'production' })).toBe(environments.production);
  });

  const normalised: Array<[string, string]> = [
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://127.0.0.1:4010/', 'http://127.0.0.1:4010'],
    ['http://127.0.0.1:4010///', 'http://127.0.0.1:4010'],
    ['http://127.0.0.1:4010/v1', 'http://127.0.0.1:4010'],
    ['http://127.0.0.1:4010/v1/', 'http://127.0.0.1:4010'],
    ['https://proxy.example.test//hm//api/', 'https://proxy.example.test/hm/api'],
    ['https://proxy.example.test/hm/v1/', 'https://proxy.example.test/hm'],
    ['  HTTPS://API.HIGH-MOBILITY.COM/  ', 'https://api.high-mobility.com'],
    ['https://api.high-mobility.com:443/', 'https://api.high-mobility.com'],
  ];
  it.each(normalised)('normalises %s', (input, expected) => {
    expect(resolveBaseUrl({ baseUrl: input })).toBe(expected);
  });

  it('lets baseUrl win over environment', () => {
    expect(resolveBaseUrl({ environment: 'production', baseUrl: 'http://127.0.0.1:1' })).toBe(
      'http://127.0.0.1:1',
    );
  });

  const rejected: Array<[string, RegExp]> = [
    ['', /non-empty/],
    ['api.high-mobility.com', /not an absolute URL/],
    ['ftp://127.0.0.1', /http or https/],
    ['https://user:pass@127.0.0.1', /user name or password/],
    ['https://127.0.0.1/?a=1', /query string or fragment/],
    ['https://127.0.0.1/#top', /query string or fragment/],
  ];
  it.each(rejected)('rejects %j', (input, message) => {
    expect(() => resolveBaseUrl({ baseUrl: input })).toThrow(message);
  });

  it('rejects an unknown environment', () => {
    expect(() => resolveBaseUrl({ environment: 'staging' as 'sandbox' })).toThrow(
      /Unknown High Mobility environment 'staging'.*'sandbox', 'production'/,
    );
  });

  it('never leaks a password from the URL', () => {
    expect(() => resolveBaseUrl({ baseUrl: 'https://u:hunter2@127.0.0.1' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});
