import { describe, expect, it } from 'vitest';
import { NetworkError } from '../src/index.js';
import { loadOnce } from '../src/load-once.js';

describe('loadOnce', () => {
  it('imports once for all callers', async () => {
    let imports = 0;
    const load = loadOnce(async () => {
      imports += 1;
      return { value: 42 };
    }, 'the test module');

    const [first, second] = await Promise.all([load(), load()]);

    expect(imports).toBe(1);
    expect(first).toBe(second);
    expect(await load()).toBe(first);
  });

  it('reports a failed import as a NetworkError', async () => {
    const cause = new TypeError('Failed to fetch dynamically imported module');
    const load = loadOnce(() => Promise.reject(cause), 'the test module');

    const error = await load().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'ERR_AUTH_NETWORK', retryable: true, cause });
    expect((error as Error).message).toContain('Could not load the test module of @hm-sdk/auth');
  });

  it('imports again after a failure', async () => {
    let imports = 0;
    const load = loadOnce(async () => {
      imports += 1;
      if (imports === 1) throw new TypeError('offline');
      return 'loaded';
    }, 'the test module');

    await expect(load()).rejects.toBeInstanceOf(NetworkError);
    await expect(load()).resolves.toBe('loaded');
    expect(imports).toBe(2);
  });
});
