import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  checkCredentials,
  createCredentials,
  createTokenProvider,
  InvalidCredentialsError,
  InvalidPrivateKeyError,
  isCredentials,
  parseCredentialsJson,
} from '../src/index.js';
import { loadCredentialsFile } from '../src/node/index.js';
import { createTestClock, decodeJwtParts, generateP256 } from './helpers.js';
import { scriptTokenEndpoint, useInProcessMock } from './mock-fixtures.js';

const { server } = useInProcessMock();

describe('createCredentials', () => {
  it('trims ids and secret', () => {
    const credentials = createCredentials({ clientId: ' client\n', clientSecret: ' secret ' });
    expect(credentials).toMatchObject({
      kind: 'client_secret',
      clientId: 'client',
      privateKeyId: undefined,
    });
    expect(isCredentials(credentials)).toBe(true);
    expect(isCredentials({ ...credentials })).toBe(false);
    expect(Object.isFrozen(credentials)).toBe(true);
  });

  const invalid: Array<[string, unknown, RegExp]> = [
    ['missing clientSecret value', { clientId: 'a', clientSecret: '' }, /clientSecret is empty/],
    ['clientId of wrong type', { clientId: 42, clientSecret: 'b' }, /clientId is a number/],
    ['missing clientId', { clientSecret: 'b' }, /clientId is missing/],
    ['missing privateKeyId', { privateKey: 'x' }, /privateKeyId is missing/],
    [
      'both secret and key',
      { clientId: 'a', clientSecret: 'b', privateKeyId: 'c', privateKey: 'd' },
      /both clientSecret and privateKey/,
    ],
    ['neither', { clientId: 'a' }, /neither clientSecret nor privateKey/],
  ];
  it.each(invalid)('rejects %s', (_name, input, message) => {
    expect(() => createCredentials(input as never)).toThrow(InvalidCredentialsError);
    expect(() => createCredentials(input as never)).toThrow(message);
  });

  it('rejects a non-object', () => {
    expect(() => createCredentials('secret' as never)).toThrow(TypeError);
  });

  it.each([
    ['an empty string', '  ', 'malformed'],
    ['a number', 42, 'unsupported-format'],
    ['an array', ['k'], 'unsupported-format'],
    ['null', null, 'unsupported-format'],
    ['binary data', new Uint8Array(121), 'unsupported-format'],
  ])('rejects a private key that is %s at once', (_, privateKey, problem) => {
    expect(() => createCredentials({ privateKeyId: 'k', privateKey: privateKey as never })).toThrow(
      expect.objectContaining({ code: 'ERR_AUTH_INVALID_PRIVATE_KEY', problem }),
    );
  });

  it('reports a bad key on use', async () => {
    const endpoint = scriptTokenEndpoint(server, () => ({}));
    const credentials = createCredentials({ privateKeyId: 'k', privateKey: 'not a key' });
    const provider = createTokenProvider({ credentials });

    await expect(checkCredentials(credentials)).rejects.toThrow(InvalidPrivateKeyError);
    await expect(provider.getToken()).rejects.toMatchObject({ problem: 'malformed' });
    await expect(provider.getToken()).rejects.toThrow(/not a PEM key/);
    expect(endpoint.calls).toBe(0);
  });

  it('names binary data and its size', () => {
    const error = (() => {
      try {
        createCredentials({ privateKeyId: 'k', privateKey: new Uint8Array(121) as never });
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('expected createCredentials to throw');
    })();

    expect(error.message).toContain('The privateKey is binary data (121 bytes).');
    expect(error.message).not.toContain('BEGIN and END lines');
  });

  it.each([
    ['an object without kty', {}, 'without a kty member, so not a JWK'],
    ['an EC JWK without crv', { kty: 'EC', d: 'AA', x: 'AA', y: 'AA' }, 'without a crv member'],
    [
      'an EC JWK with a number as crv',
      { kty: 'EC', crv: 5, d: 'AA', x: 'AA', y: 'AA' },
      'crv is of type number',
    ],
    [
      'an EC JWK whose crv runs code',
      { kty: 'EC', crv: { toJSON: () => 'secret-d' }, d: 'secret-d', x: 'AA', y: 'AA' },
      'crv is of type object',
    ],
  ])('explains %s', async (_, privateKey, message) => {
    const credentials = createCredentials({ privateKeyId: 'k', privateKey: privateKey as never });

    const error = (await checkCredentials(credentials).catch((caught: unknown) => caught)) as Error;

    expect(error).toBeInstanceOf(InvalidPrivateKeyError);
    expect(error.message).toContain(message);
    expect(error.message).not.toContain('BEGIN and END lines');
    expect(error.message).not.toContain('secret-d');
  });

  it('resolves checkCredentials for usable credentials', async () => {
    const pair = await generateP256();

    await expect(
      checkCredentials(createCredentials({ privateKeyId: 'k', privateKey: pair.jwk })),
    ).resolves.toBeUndefined();
    await expect(
      checkCredentials(createCredentials({ clientId: 'c', clientSecret: 's' })),
    ).resolves.toBeUndefined();
    await expect(
      checkCredentials({ ...createCredentials({ privateKeyId: 'k', privateKey: pair.jwk }) }),
    ).rejects.toThrow(TypeError);
  });

  it('leaves no unhandled rejection for an unused bad key', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      createCredentials({ privateKeyId: 'k', privateKey: 'not a key' });
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('unhandledRejection', record);
    }
    expect(unhandled).toEqual([]);
  });

  it('imports the key once per credentials object', async () => {
    const pair = await generateP256();
    const endpoint = scriptTokenEndpoint(server, () => ({}));
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    try {
      const credentials = createCredentials({ privateKeyId: 'k', privateKey: pair.pkcs8Pem });
      const provider = createTokenProvider({ credentials });
      for (let round = 0; round < 3; round += 1) {
        const token = await provider.getToken();
        provider.invalidate(token.accessToken);
      }
      await createTokenProvider({ credentials }).getToken();
      expect(endpoint.calls).toBe(4);
      expect(importKey).toHaveBeenCalledTimes(1);
    } finally {
      importKey.mockRestore();
    }
  });

  it('takes iat from the injected clock', async () => {
    const pair = await generateP256();
    const endpoint = scriptTokenEndpoint(server, () => ({}));
    const clock = createTestClock(Date.UTC(2030, 5, 1, 8, 0, 0, 999));
    await createTokenProvider({
      credentials: { privateKeyId: 'k', privateKey: pair.privateKey },
      baseUrl: 'https://sandbox.api.high-mobility.com',
      clock,
    }).getToken();
    const body = JSON.parse(endpoint.bodies[0] as string) as { client_assertion: string };
    expect(decodeJwtParts(body.client_assertion).payload.iat).toBe(
      Date.UTC(2030, 5, 1, 8, 0, 0) / 1000,
    );
  });
});

describe('parseCredentialsJson', () => {
  it('reads the console format from text and object', async () => {
    const pair = await generateP256();
    const json = {
      client_id: 'client',
      id: 'key-id',
      private_key: pair.pkcs8Pem,
      inserted_at: '2024-05-01T10:00:00Z',
    };
    for (const input of [json, JSON.stringify(json)]) {
      expect(parseCredentialsJson(input)).toMatchObject({
        kind: 'private_key',
        clientId: 'client',
        privateKeyId: 'key-id',
      });
    }
  });

  it('reads client_id and client_secret', () => {
    expect(parseCredentialsJson({ client_id: 'client', client_secret: 'secret' })).toMatchObject({
      kind: 'client_secret',
      clientId: 'client',
    });
  });

  const invalid: Array<[string, unknown, RegExp]> = [
    ['not JSON', '{"id": ', /not valid JSON/],
    ['an array', '[]', /must be an object/],
    ['missing id', { private_key: 'x' }, /field id is missing/],
    ['missing private_key', { id: 'k' }, /field private_key is missing/],
    ['numeric private_key', { id: 'k', private_key: 5 }, /private_key is not a non-empty string/],
  ];
  it.each(invalid)('rejects %s', (_name, input, message) => {
    expect(() => parseCredentialsJson(input as never)).toThrow(message);
  });
});

describe('loadCredentialsFile', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'hm-auth-'));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reads a downloaded file', async () => {
    const pair = await generateP256();
    const path = join(directory, 'credentials.json');
    await writeFile(path, JSON.stringify({ client_id: 'c', id: 'k', private_key: pair.pkcs8Pem }));
    expect(await loadCredentialsFile(path)).toMatchObject({
      kind: 'private_key',
      privateKeyId: 'k',
    });
  });

  it('checks the key and names the file', async () => {
    const path = join(directory, 'public-key.json');
    const pair = await generateP256();
    const publicPem = `-----BEGIN PUBLIC KEY-----\n${pair.spkiDer.toString('base64')}\n-----END PUBLIC KEY-----`;
    await writeFile(path, JSON.stringify({ client_id: 'c', id: 'k', private_key: publicPem }));

    const error = await loadCredentialsFile(path).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InvalidPrivateKeyError);
    expect(error).toMatchObject({
      problem: 'public-key',
      message: expect.stringContaining(
        `The private_key in credentials file ${path} is not usable.`,
      ),
    });
  });

  it('names a missing file', async () => {
    const path = join(directory, 'absent.json');
    await expect(loadCredentialsFile(path)).rejects.toMatchObject({
      code: 'ERR_AUTH_INVALID_CREDENTIALS',
      message: expect.stringContaining(`${path} (ENOENT)`),
    });
  });

  it('accepts a byte order mark', async () => {
    const pair = await generateP256();
    const path = join(directory, 'bom.json');
    const json = JSON.stringify({ client_id: 'c', id: 'k', private_key: pair.pkcs8Pem });
    await writeFile(path, `\uFEFF${json}`);
    expect(await loadCredentialsFile(path)).toMatchObject({ privateKeyId: 'k' });
  });

  it('names path, line and column', async () => {
    const path = join(directory, 'bad.json');
    const keyPart = 'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49';
    await writeFile(path, `{\n  "id": "k",\n  "private_key": "${keyPart}\n}`);
    const error = (await loadCredentialsFile(path).catch((caught: unknown) => caught)) as Error;
    expect(error).toBeInstanceOf(InvalidCredentialsError);
    expect(error.message).toContain(`Credentials file ${path} is not valid JSON`);
    expect(error.message).toContain('line 3, column');
    expect(error.message).not.toContain(keyPart);
  });

  it('reports the end of a truncated file', async () => {
    const path = join(directory, 'truncated.json');
    await writeFile(path, '{\n  "id": "k",\n');
    await expect(loadCredentialsFile(path)).rejects.toThrow('line 3, column 1');
  });

  it('names a missing field with the path', async () => {
    const path = join(directory, 'no-id.json');
    await writeFile(path, JSON.stringify({ private_key: 'x' }));
    await expect(loadCredentialsFile(path)).rejects.toThrow(
      `Credentials file ${path} field id is missing`,
    );
  });

  it('hints at createCredentials for a PEM file', async () => {
    const pair = await generateP256();
    const path = join(directory, 'key.pem');
    await writeFile(path, pair.pkcs8Pem);
    const error = (await loadCredentialsFile(path).catch((caught: unknown) => caught)) as Error;
    expect(error).toBeInstanceOf(InvalidCredentialsError);
    expect(error.message).toContain(`Credentials file ${path} is a PEM key`);
    expect(error.message).toContain('createCredentials({ privateKeyId, privateKey })');
    expect(error.message).not.toContain(pair.pkcs8Pem.split('\n')[1] as string);
  });
});
