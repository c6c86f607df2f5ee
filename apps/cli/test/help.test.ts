import { readdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHome, expectNoSecrets, runHm } from './support/cli.js';

let home: Awaited<ReturnType<typeof createTestHome>>;

beforeAll(async () => {
  home = await createTestHome();
});

afterAll(async () => {
  expectNoSecrets([]);
  await home.remove();
});

const hm = (args: string[]) => runHm(args, home.env);

const commandHelp = [
  ['token'],
  ['eligibility'],
  ['clearance', 'request'],
  ['clearance', 'list'],
  ['clearance', 'get'],
  ['clearance', 'delete'],
  ['clearance', 'wait'],
  ['vehicle-data'],
  ['mock', 'serve'],
  ['quickstart'],
  ['config', 'list'],
  ['config', 'get'],
  ['config', 'set'],
  ['config', 'unset'],
  ['config', 'use'],
  ['config', 'delete'],
  ['config', 'path'],
];

describe.concurrent('hm help', () => {
  it('lists commands, variables and exit codes', async () => {
    const result = await hm(['--help']);

    expect(result.code).toBe(0);
    for (const name of [
      'token',
      'eligibility',
      'clearance',
      'vehicle-data',
      'mock',
      'quickstart',
      'config',
    ]) {
      expect(result.stdout).toMatch(new RegExp(`\\n  ${name}\\s+\\S`));
    }
    expect(result.stdout).toContain('HM_PRIVATE_KEY_FILE');
    expect(result.stdout).toContain('NO_COLOR');
    expect(result.stdout).toMatch(/4 {2}network error or timeout/);
    expect(Math.max(...result.stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(
      100,
    );
  });

  it('prints usage on stderr with exit 2 without a command', async () => {
    const result = await hm([]);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: hm <command>');
  });

  it('rejects an unknown command', async () => {
    const result = await hm(['tokens']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command "tokens"');
  });

  const cases = commandHelp.map((words) => ({ name: words.join(' '), words }));
  it.each(cases)('shows help for $name', async ({ name, words }) => {
    const result = await hm([...words, '--help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: hm ${name}\\b`));
    expect(result.stderr).toBe('');
  });

  it('treats hm help <command> as --help', async () => {
    const result = await hm(['help', 'clearance']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: hm clearance <subcommand>');
  });

  it('rejects an unknown option with exit 2', async () => {
    const result = await hm(['token', '--client-secret', 'x']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option '--client-secret'.");
    expect(result.stderr).toContain('hm token --help');
    // Node's hint about positionals after `--` is noise for a mistyped flag.
    expect(result.stderr).not.toContain('positional argument');
  });

  it('prints the version', async () => {
    const result = await hm(['--version']);
    const manifest = JSON.parse(
      await readFile(new URL('../package.json', import.meta.url), 'utf8'),
    );

    expect(result.stdout.trim()).toBe(manifest.version);
  });

  it('loads SDK packages only inside command handlers', async () => {
    const modules = await readdir(new URL('../dist/commands/', import.meta.url), {
      recursive: true,
    });
    const scripts = modules.filter((name) => name.endsWith('.js'));

    expect(scripts.length).toBeGreaterThan(10);
    for (const name of scripts) {
      const text = await readFile(new URL(`../dist/commands/${name}`, import.meta.url), 'utf8');
      expect(text, `dist/commands/${name}`).not.toMatch(/^import .* from '@hm-sdk\//m);
    }
  });

  it('loads no SDK package before a command runs', async () => {
    const main = await readFile(new URL('../dist/main.js', import.meta.url), 'utf8');
    const staticImports = main.match(/^import .* from '[^']+';$/gm) ?? [];

    expect(staticImports.length).toBeGreaterThan(0);
    for (const line of staticImports) expect(line).toMatch(/from '\.\/[\w-]+\.js'/);
    expect(main).toContain("import('./commands/token.js')");
  });
});
