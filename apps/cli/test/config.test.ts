import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHome, expectNoSecrets, runHm } from './support/cli.js';
import { startTestMock, type TestMock, writeCredentialsFile } from './support/mock.js';

let mock: TestMock;
const homes: Array<Awaited<ReturnType<typeof createTestHome>>> = [];

/** Creates a config home for one test, so the tests can run at the same time. */
async function freshHome() {
  const home = await createTestHome();
  homes.push(home);
  const hm = (args: string[], options: Parameters<typeof runHm>[2] = {}) =>
    runHm(args, home.env, options);
  return { ...home, hm, configFile: join(home.dir, 'config', 'hm', 'config.json') };
}

beforeAll(async () => {
  mock = await startTestMock();
});

afterAll(async () => {
  expectNoSecrets(mock.secrets);
  await Promise.all([mock.close(), ...homes.map((home) => home.remove())]);
});

describe.concurrent('hm config', () => {
  it('saves a profile with mode 0600', async () => {
    const { hm, configFile } = await freshHome();
    expect((await hm(['config', 'set', 'env', mock.url])).code).toBe(0);
    expect((await hm(['config', 'set', 'client-id', mock.clientId])).code).toBe(0);
    const secret = await hm(['config', 'set', 'client-secret'], {
      input: `${mock.clientSecret}\n`,
    });

    expect(secret.code).toBe(0);
    expect(secret.stdout).toContain('Saved client-secret (hidden) in profile "default"');
    expect((await stat(configFile)).mode & 0o777).toBe(0o600);
    expect((await stat(join(configFile, '..'))).mode & 0o777).toBe(0o700);
    const saved = JSON.parse(await readFile(configFile, 'utf8'));
    expect(saved.profiles.default).toEqual({
      env: mock.url,
      clientId: mock.clientId,
      clientSecret: mock.clientSecret,
    });
  });

  it('uses the saved profile for API calls', async () => {
    const { hm } = await freshHome();
    await hm(['config', 'set', 'env', mock.url]);
    await hm(['config', 'set', 'client-id', mock.clientId]);
    await hm(['config', 'set', 'client-secret'], { input: mock.clientSecret });
    const result = await hm(['token', '--json']);

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).baseUrl).toBe(mock.url);
  });

  it('lists profiles without secrets', async () => {
    const { hm, configFile } = await freshHome();
    await hm(['config', 'set', 'client-id', mock.clientId, '--profile', 'work']);
    await hm(['config', 'set', 'client-secret', '--profile', 'work'], { input: mock.clientSecret });
    await hm(['config', 'set', 'env', 'production', '--profile', 'prod']);
    const human = await hm(['config', 'list']);
    const json = await hm(['config', 'list', '--json']);
    const secret = await hm(['config', 'get', 'client-secret', '--profile', 'work']);

    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/PROFILE\s+ENV\s+CREDENTIALS/);
    expect(human.stdout).toMatch(
      new RegExp(`work\\s+sandbox\\s+client secret \\(client id ${mock.clientId}\\)`),
    );
    expect(human.stdout).toMatch(/prod\s+production\s+-/);
    expect(JSON.parse(json.stdout)).toEqual({
      path: configFile,
      currentProfile: 'default',
      profiles: [
        { name: 'prod', env: 'production', clientSecret: null },
        { name: 'work', clientId: mock.clientId, clientSecret: 'set' },
      ],
    });
    expect(secret.stdout.trim()).toBe('client-secret is set (hidden)');
  });

  it('gets, unsets, switches and deletes', async () => {
    const { hm } = await freshHome();
    await hm(['config', 'set', 'env', 'mock', '--profile', 'demo']);
    const value = await hm(['config', 'get', 'env', '--profile', 'demo']);
    const unsetDefault = await hm(['config', 'get', 'env', '--json']);
    const use = await hm(['config', 'use', 'demo']);
    const current = await hm(['config', 'get', 'env']);
    const viaVariable = await hm(['config', 'get', 'env', '--json'], {
      env: { HM_PROFILE: 'other' },
    });
    await hm(['config', 'unset', 'env']);
    const afterUnset = await hm(['config', 'get', 'env', '--json']);
    const deleted = await hm(['config', 'delete', 'demo']);
    const list = await hm(['config', 'list', '--json']);

    expect(value.stdout.trim()).toBe('mock');
    expect(JSON.parse(unsetDefault.stdout)).toEqual({
      profile: 'default',
      key: 'env',
      value: null,
    });
    expect(use.stdout).toContain('Profile "demo" is now the current profile.');
    expect(current.stdout.trim()).toBe('mock');
    expect(JSON.parse(viaVariable.stdout).profile).toBe('other');
    expect(JSON.parse(afterUnset.stdout).value).toBeNull();
    expect(deleted.code).toBe(0);
    expect(JSON.parse(list.stdout).profiles).toEqual([]);
  });

  it('rejects a secret as an argument', async () => {
    const { hm, configFile } = await freshHome();
    const result = await hm(['config', 'set', 'client-secret', 'visible-in-history']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Pass client-secret on stdin, not as an argument');
    await expect(stat(configFile)).rejects.toThrow(/ENOENT/);
  });

  it('rejects unknown keys, bad values and missing profiles', async () => {
    const { hm, dir } = await freshHome();
    const [key, env, file, use, name] = await Promise.all([
      hm(['config', 'set', 'secret', 'x']),
      hm(['config', 'set', 'env', 'staging']),
      hm(['config', 'set', 'credentials', join(dir, 'absent.json')]),
      hm(['config', 'use', 'ghost']),
      hm(['config', 'set', 'env', 'mock', '--profile', 'no spaces']),
    ]);

    expect(key.code).toBe(2);
    expect(key.stderr).toContain('Unknown config key "secret". Use one of: env, client-id');
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('Invalid env "staging"');
    expect(file.code).toBe(2);
    expect(file.stderr).toContain(`the file ${join(dir, 'absent.json')} does not exist`);
    expect(use.code).toBe(2);
    expect(use.stderr).toContain('Profile "ghost" not found');
    expect(name.code).toBe(2);
    expect(name.stderr).toContain('Invalid profile name "no spaces"');
  });

  it('rejects an unknown --profile on API commands', async () => {
    const { hm } = await freshHome();
    await hm(['config', 'set', 'env', 'mock', '--profile', 'demo']);
    const result = await hm(['token', '--profile', 'staging']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Profile "staging" not found. Saved profiles: demo.');
  });

  it('reports a corrupt file without its content', async () => {
    const { hm, configFile } = await freshHome();
    await hm(['config', 'set', 'env', 'mock']);
    await writeFile(configFile, `{"profiles": {"default": {"clientSecret": "${mock.clientSecret}"`);
    const result = await hm(['token']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`The config file ${configFile} is not valid JSON`);
    expect(result.stderr).not.toContain(mock.clientSecret);
  });

  it('tightens an existing loose directory', async () => {
    const { hm, configFile } = await freshHome();
    const directory = dirname(configFile);
    await mkdir(directory, { recursive: true, mode: 0o755 });
    await chmod(directory, 0o755);
    const result = await hm(['config', 'set', 'env', 'mock']);

    expect(result.code).toBe(0);
    expect((await stat(directory)).mode & 0o777).toBe(0o700);
  });

  it('skips a corrupt file when no profile is needed', async () => {
    const { hm, dir, configFile } = await freshHome();
    const file = await writeCredentialsFile(dir, mock);
    await hm(['config', 'set', 'env', 'mock']);
    await writeFile(configFile, '{"profiles": ');
    const withFile = await hm(['token', '--env', mock.url, '--credentials', file]);
    const withEnv = await hm(['token'], { env: mock.secretEnv });
    const withMock = await hm(['token', '--env', 'mock']);
    const withProfile = await hm(['token', '--profile', 'default'], { env: mock.secretEnv });
    const withoutEnv = await hm(['token', '--credentials', file]);

    expect(withFile.code).toBe(0);
    expect(withEnv.code).toBe(0);
    expect(withMock.code).toBe(0);
    expect(withProfile.code).toBe(2);
    expect(withProfile.stderr).toContain(`The config file ${configFile} is not valid JSON`);
    expect(withoutEnv.code).toBe(2);
    expect(withoutEnv.stderr).toContain(`The config file ${configFile} is not valid JSON`);
    expect(withoutEnv.stderr).toContain('Pass --env (or set HM_ENV)');
  });

  it('follows XDG_CONFIG_HOME, then HOME', async () => {
    const { hm, dir } = await freshHome();
    const xdg = await hm(['config', 'path']);
    const home = await hm(['config', 'path'], { env: { XDG_CONFIG_HOME: undefined } });
    const relative = await hm(['config', 'path'], { env: { XDG_CONFIG_HOME: 'relative/dir' } });

    expect(xdg.stdout.trim()).toBe(join(dir, 'config', 'hm', 'config.json'));
    expect(home.stdout.trim()).toBe(join(dir, '.config', 'hm', 'config.json'));
    expect(relative.stdout.trim()).toBe(join(dir, '.config', 'hm', 'config.json'));
  });
});

describe.concurrent('configuration precedence', () => {
  it('prefers environment variables to the profile', async () => {
    const { hm } = await freshHome();
    await hm(['config', 'set', 'client-id', 'profile-client']);
    await hm(['config', 'set', 'client-secret'], { input: 'profile-secret' });
    const result = await hm(['token'], { env: mock.secretEnv });

    expect(result.code).toBe(0);
  });

  it('prefers --credentials to the profile', async () => {
    const { hm, dir } = await freshHome();
    const file = await writeCredentialsFile(dir, mock);
    await hm(['config', 'set', 'client-id', 'profile-client']);
    await hm(['config', 'set', 'client-secret'], { input: 'profile-secret' });
    const withFile = await hm(['token', '--env', mock.url, '--credentials', file]);
    const withProfile = await hm(['token', '--env', mock.url]);

    expect(withFile.code).toBe(0);
    expect(withProfile.code).toBe(3);
    expect(withProfile.stderr).toContain('client_id is invalid');
  });

  it('reads a credentials file saved in the profile', async () => {
    const { hm, dir } = await freshHome();
    const file = await writeCredentialsFile(dir, mock);
    await hm(['config', 'set', 'credentials', file]);
    await hm(['config', 'set', 'env', mock.url]);
    const result = await hm(['token']);

    expect(result.code).toBe(0);
  });

  it('prefers HM_ENV to the profile env', async () => {
    const { hm } = await freshHome();
    await hm(['config', 'set', 'env', 'production']);
    const result = await hm(['token', '--json'], { env: { ...mock.secretEnv, HM_ENV: mock.url } });

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).baseUrl).toBe(mock.url);
  });
});
