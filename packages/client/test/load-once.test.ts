import { describe, expect, it } from 'vitest';
import { NetworkError } from '../src/index.js';
import { loadOnce } from '../src/load-once.js';

describe('loadOnce', () => {
  it('imports once for all callers', async () => {
    let imports = 0;
    const load = loadOnce(async () => {
      imports += 1;
      return { value: 7 };
    }, 'the test module');

    const [first, second] = await Promise.all([load(), load()]);

    expect(imports).toBe(1);
    expect(first).toBe(second);
  });

  it('reports failures and tries again', async () => {
    let imports = 0;
    const cause = new TypeError('Failed to fetch dynamically imported module');
    const load = loadOnce(async () => {
      imports += 1;
      if (imports === 1) throw cause;
      return 'loaded';
    }, 'the test module');

    const error = await load().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'ERR_CLIENT_NETWORK', cause });
    expect((error as Error).message).toContain('Could not load the test module of @hm-sdk/client');
    await expect(load()).resolves.toBe('loaded');
    expect(imports).toBe(2);
  });
});
