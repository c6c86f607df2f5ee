import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRecordingLogger, generateP256 } from './helpers.js';

afterEach(() => {
  vi.doUnmock('../src/credentials/key-signer.js');
  vi.resetModules();
});

describe('private key code loaded on demand', () => {
  it('reloads after a failed download', async () => {
    let attempts = 0;
    let reachable = false;
    vi.resetModules();
    vi.doMock('../src/credentials/key-signer.js', async (importOriginal) => {
      attempts += 1;
      if (!reachable) throw new TypeError('Failed to fetch dynamically imported module');
      return importOriginal();
    });
    const auth = await import('../src/index.js');
    const pair = await generateP256();
    const credentials = auth.createCredentials({ privateKeyId: 'k', privateKey: pair.jwk });

    const first = await auth.checkCredentials(credentials).catch((error: unknown) => error);
    expect(first).toBeInstanceOf(auth.NetworkError);
    // vitest wraps the factory's error, so the reason in the message is vitest's text.
    expect((first as Error).message).toMatch(
      /^Could not load the private key code of @hm-sdk\/auth, which loads on first use \(.+\)\./,
    );

    // Give a load started right after the failure time to fail too, then bring the chunk back:
    // the next check must load it again rather than reuse such a load.
    await new Promise((resolve) => setTimeout(resolve, 50));
    reachable = true;
    await expect(auth.checkCredentials(credentials)).resolves.toBeUndefined();
    expect(attempts).toBe(2);
  });

  it('does not retry a missing chunk', async () => {
    let attempts = 0;
    vi.resetModules();
    vi.doMock('../src/credentials/key-signer.js', async () => {
      attempts += 1;
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const auth = await import('../src/index.js');
    const pair = await generateP256();
    const logger = createRecordingLogger();
    const provider = auth.createTokenProvider({
      credentials: { privateKeyId: 'k', privateKey: pair.jwk },
      logger,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
    });

    await expect(provider.getToken()).rejects.toBeInstanceOf(auth.NetworkError);
    // The request waits for the load that creating the credentials started; a retried request
    // would start another load per attempt.
    expect(attempts).toBe(1);
    expect(logger.lines.filter((line) => line.message.includes('retrying'))).toEqual([]);
  });
});
