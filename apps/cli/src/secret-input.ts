import { usageError } from './errors.js';

/** Reads all of stdin as text, for a secret piped in (`hm config set client-secret < file`). */
async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads one line from the terminal without echoing it. */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  let value = '';
  return new Promise((resolve, reject) => {
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          resolve(value);
          return;
        }
        // Ctrl+C and Ctrl+D cancel, because raw mode turns off the terminal's own handling.
        if (char === '\u0003' || char === '\u0004') {
          finish();
          reject(usageError('Cancelled: nothing was saved.'));
          return;
        }
        value = char === '\u007f' || char === '\b' ? value.slice(0, -1) : value + char;
      }
    };
    stdin.on('data', onData);
  });
}

/** Reads a secret from stdin: a hidden prompt on a terminal, otherwise everything piped in. */
export async function readSecret(prompt: string): Promise<string> {
  const text = process.stdin.isTTY === true ? await readHidden(prompt) : await readPiped();
  const secret = text.trim();
  if (secret === '') throw usageError('No secret was given on stdin: nothing was saved.');
  return secret;
}
