import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, createTestHome, expectNoSecrets, recordTranscript } from './support/cli.js';
import { startTestMock, type TestMock } from './support/mock.js';

const execFileAsync = promisify(execFile);
const socket = `hm-cli-test-${process.pid}`;
let mock: TestMock;
let home: Awaited<ReturnType<typeof createTestHome>>;

/** Runs a tmux command on this file's own server socket. */
async function tmux(...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('/usr/bin/tmux', ['-L', socket, ...args], {
    env: home.env,
  });
  return stdout;
}

/** Returns the visible screen, with ANSI styles when `styled` is set. */
const screen = (styled = false) =>
  tmux('capture-pane', '-p', ...(styled ? ['-e'] : []), '-t', 'hm');

/** Polls the screen until it contains `text`, failing with the last screen after 15 s. */
async function waitForScreen(text: string | RegExp): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const current = await screen();
    if (typeof text === 'string' ? current.includes(text) : text.test(current)) {
      recordTranscript(['(terminal screen)'], current);
      return current;
    }
    if (Date.now() > deadline) throw new Error(`"${text}" never appeared. Screen:\n${current}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Types a command line into the terminal, as a person would. */
const type = (line: string) => tmux('send-keys', '-t', 'hm', line, 'Enter');

beforeAll(async () => {
  [mock, home] = await Promise.all([startTestMock(), createTestHome()]);
  // An `hm` on the PATH, so the screen shows the commands as a user types them.
  const binDir = join(home.dir, 'bin');
  await mkdir(binDir);
  await writeFile(join(binDir, 'hm'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
  await chmod(join(binDir, 'hm'), 0o755);
  // The tmux server passes its start environment to the shell; NO_COLOR is left out so the
  // terminal output gets colour.
  const { NO_COLOR: _noColor, ...rest } = home.env;
  home.env = {
    ...rest,
    ...mock.secretEnv,
    PATH: `${binDir}:${process.env.PATH}`,
    TERM: 'xterm-256color',
    PS1: '$ ',
  };
  await tmux('new-session', '-d', '-x', '120', '-y', '40', '-s', 'hm', 'sh');
});

afterAll(async () => {
  expectNoSecrets(mock.secrets);
  await tmux('kill-server').catch(() => undefined);
  await Promise.all([mock.close(), home.remove()]);
});

describe('hm in a terminal', () => {
  it('shows a spinner while waiting, then the result', async () => {
    const vin = '2HM00000000000077';
    mock.mock.setClearanceOutcome(vin, { status: 'manual' });

    await type(`hm clearance request ${vin} --brand sandbox`);
    const requested = await waitForScreen('Requested clearance for 1 vehicle(s)');
    await type(`hm clearance wait ${vin} --interval 200ms`);
    const waiting = await waitForScreen(`Waiting for ${vin} to become approved: pending`);
    mock.mock.setClearanceStatus(vin, 'approved');
    const done = await waitForScreen('Reached approved after');
    const styled = await screen(true);

    expect(requested).toMatch(new RegExp(`${vin}\\s+sandbox\\s+pending`));
    expect(waiting).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Waiting for/);
    expect(done).toMatch(/status\s+approved/);
    expect(done).toMatch(/TIME\s+STATUS\s+REASON/);
    // The spinner line is erased once the wait ends, so no frame is left on the screen.
    expect(done).not.toContain('Waiting for');
    expect(done).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
    // On a terminal the status is coloured: green for approved.
    expect(styled).toContain('\u001b[32mapproved');
  });

  it('shows a progress bar for a batch request', async () => {
    const vins = ['2HM00000000000081', '2HM00000000000082', '2HM00000000000083'];
    // Slow batches keep the bar on screen long enough to be read.
    mock.mock.injectFault(
      'POST /v1/fleets/vehicles',
      { type: 'latency', delayMs: 700 },
      { times: 3 },
    );

    await type('clear');
    await type(`hm clearance request ${vins.join(' ')} --brand sandbox --batch-size 1`);
    const progress = await waitForScreen(/Requesting clearance \[[#-]{20}\] \d\/3/);
    const done = await waitForScreen('Requested clearance for 3 vehicle(s): 3 pending.');

    expect(progress).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Requesting clearance/);
    expect(done, done).not.toContain('Requesting clearance [');
    for (const vin of vins) expect(done).toMatch(new RegExp(`${vin}\\s+sandbox\\s+pending`));
  });

  it('erases the spinner on Ctrl+C', async () => {
    const vin = '2HM00000000000079';
    mock.mock.setClearanceStatus(vin, 'pending', { brand: 'sandbox' });
    mock.mock.setClearanceOutcome(vin, { status: 'manual' });

    await type('clear');
    await type(`hm clearance wait ${vin} --interval 200ms`);
    await waitForScreen(`Waiting for ${vin}`);
    await tmux('send-keys', '-t', 'hm', 'C-c');
    // Typing before the shell prompt is back would race with the interrupt in the terminal
    // driver, so the next command waits for the prompt on the last line.
    await waitForScreen(/\n[#$] *\n*$/);
    await type('echo "exit=$?"');
    const interrupted = await waitForScreen(/exit=\d/);

    expect(interrupted, interrupted).toContain('exit=130');
    expect(interrupted, interrupted).not.toContain('Waiting for');
    expect(interrupted, interrupted).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
  });

  it('hides a secret typed at the prompt', async () => {
    const typedSecret = 'typed-secret-3f9a';

    await type('clear');
    await type('hm config set client-secret --profile typed');
    await waitForScreen('Enter the client-secret (input hidden):');
    await type(typedSecret);
    const saved = await waitForScreen('Saved client-secret (hidden) in profile "typed"');
    const stored = JSON.parse(
      await readFile(join(home.dir, 'config', 'hm', 'config.json'), 'utf8'),
    );

    expect(saved).not.toContain(typedSecret);
    expect(stored.profiles.typed.clientSecret).toBe(typedSecret);
  });

  it('prints no colour with NO_COLOR', async () => {
    await type('clear');
    await type('NO_COLOR=1 hm eligibility 2HM00000000000078 --brand sandbox');
    const plain = await waitForScreen('data delivery');
    const styled = await screen(true);

    expect(plain).toMatch(/eligible\s+yes/);
    expect(styled).not.toContain('\u001b[');
  });

  it('shows errors in plain words without a stack trace', async () => {
    await type('clear');
    await type('hm eligibility 2HM0000000000007 --brand sandbox; echo "exit=$?"');
    const errorScreen = await waitForScreen(/exit=\d/);

    expect(errorScreen).toContain(
      'Error: Invalid VIN "2HM0000000000007" (argument): it has 16 characters',
    );
    expect(errorScreen).toContain('exit=2');
    expect(errorScreen).not.toMatch(/\n\s+at /);
  });
});
