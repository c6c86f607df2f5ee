import { inspect } from 'node:util';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createCredentials, createTokenProvider, parseCredentialsJson } from '../src/index.js';
import {
  createRecordingFetch,
  createRecordingLogger,
  createTestClock,
  generateP256,
} from './helpers.js';
import { scriptTokenEndpoint, useInProcessMock } from './mock-fixtures.js';

const { mock, server } = useInProcessMock();

/** Renders a value every way it could be turned into text by accident. */
function renderings(value: unknown): string[] {
  const texts = [
    inspect(value),
    inspect(value, { showHidden: true, depth: 10, getters: true }),
    JSON.stringify(value) ?? '',
    String(value),
    `${JSON.stringify({ nested: value })}`,
  ];
  if (value instanceof Error) {
    texts.push(value.message, value.stack ?? '', inspect(value.cause));
  }
  return texts;
}

function expectNoSecret(values: unknown[], secrets: string[]): void {
  for (const value of values) {
    for (const text of renderings(value)) {
      for (const secret of secrets) {
        expect(text).not.toContain(secret);
      }
    }
  }
}

describe('secrets stay hidden', () => {
  it('client secret credentials', () => {
    const credentials = createCredentials({
      clientId: 'client',
      clientSecret: 'very-secret-value',
    });
    expectNoSecret([credentials, { ...credentials }], ['very-secret-value']);
    expect(inspect(credentials)).toContain("clientId: 'client'");
  });

  it('private key credentials in every format', async () => {
    const pair = await generateP256();
    const pemBody = pair.pkcs8Pem.split('\n')[2] as string;
    const inputs = [pair.pkcs8Pem, pair.jwk, pair.privateKey, JSON.stringify(pair.jwk)];
    const values = inputs.map((privateKey) =>
      createCredentials({ privateKeyId: 'key', privateKey }),
    );
    values.push(parseCredentialsJson({ id: 'key', private_key: pair.pkcs8Pem }));
    expectNoSecret(values, [pemBody, pair.jwk.d as string]);
  });

  it('invalid credentials JSON text', () => {
    const text = '{"id":"key","private_key":"MIGHAgEAMBMGByqGSM49AgEGCCqGSM49 broken';
    let caught: unknown;
    try {
      parseCredentialsJson(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'ERR_AUTH_INVALID_CREDENTIALS' });
    expectNoSecret([caught], ['MIGHAgEAMBMGByqGSM49AgEGCCqGSM49']);
  });

  it('access tokens, errors and log lines', async () => {
    const pair = await generateP256();
    mock.registerApp();
    const { privateKeyId } = mock.registerPrivateKey({ publicKey: pair.publicKey });
    const logger = createRecordingLogger();
    const recordingFetch = createRecordingFetch();
    const clock = createTestClock();
    const provider = createTokenProvider({
      credentials: { privateKeyId, privateKey: pair.pkcs8Pem },
      fetch: recordingFetch,
      logger,
      clock,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const token = await provider.getToken();
    provider.invalidate(token.accessToken);

    // An error page that echoes the request body back.
    scriptTokenEndpoint(server, (call) => {
      const echoed = recordingFetch.sent.at(-1)?.fields.client_assertion ?? '';
      return call === 1
        ? new HttpResponse(`<pre>${echoed}</pre>`, { status: 503 })
        : HttpResponse.json(
            { error: 'invalid_request', error_description: `bad ${echoed}` },
            { status: 400 },
          );
    });
    const error = await provider.getToken().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400 });

    const assertions = recordingFetch.sent.map((sent) => sent.fields.client_assertion ?? '');
    expect(assertions).toHaveLength(3);
    const secrets = [token.accessToken, pair.pkcs8Pem.split('\n')[1] as string, ...assertions];
    expectNoSecret([token, error, provider, ...logger.lines], secrets);
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(Object.keys(token)).not.toContain('accessToken');
    expect(JSON.parse(JSON.stringify(token))).toMatchObject({
      accessToken: '[redacted]',
      tokenType: 'bearer',
    });
  });
});
