import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createTokenProvider } from '../src/index.js';
import { scriptTokenEndpoint, useInProcessMock } from './mock-fixtures.js';

const { server } = useInProcessMock();

async function failure(response: () => Response): Promise<Error> {
  scriptTokenEndpoint(server, response);
  const provider = createTokenProvider({
    credentials: { clientId: 'client', clientSecret: 'secret-value' },
    retry: { maxAttempts: 1 },
  });
  return (await provider.getToken().catch((error: unknown) => error)) as Error;
}

describe('token error wording', () => {
  it('empty 500 without content type', async () => {
    const error = await failure(() => new HttpResponse(null, { status: 500 }));
    expect(error.message).toContain('HTTP 500, no Content-Type and an empty body.');
    expect(error.message).toContain('retry later');
    expect(error.message).not.toContain('""');
  });

  it('HTML 502 suggests a retry', async () => {
    const error = await failure(
      () =>
        new HttpResponse('<h1>Bad Gateway</h1>', {
          status: 502,
          headers: { 'content-type': 'text/html' },
        }),
    );
    expect(error.message).toContain('Content-Type text/html and body "Bad Gateway"');
    expect(error.message).toContain('a proxy in front of it failed; retry later.');
  });

  it('429 names the Retry-After delay', async () => {
    const error = await failure(
      () => new HttpResponse('slow down', { status: 429, headers: { 'retry-after': '30' } }),
    );
    expect(error.message).toContain('rate limiting this client');
    expect(error.message).toContain('The server asked to wait 30 s.');
  });

  it('404 points at the base URL', async () => {
    const error = await failure(() => new HttpResponse('nope', { status: 404 }));
    expect(error.message).toContain('Check that the base URL points at the High Mobility API.');
  });
});
