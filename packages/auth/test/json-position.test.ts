import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanForSyntaxError } from '../src/credentials/json-syntax.js';
import { InvalidCredentialsError, parseCredentialsJson } from '../src/index.js';
import { loadCredentialsFile } from '../src/node/index.js';

/** Returns the message `parseCredentialsJson` throws for `text`. */
function messageFor(text: string): string {
  try {
    parseCredentialsJson(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidCredentialsError);
    return (error as Error).message;
  }
  throw new Error(`Expected ${JSON.stringify(text)} to be rejected.`);
}

describe('syntax error position', () => {
  // Inputs whose V8 message has no `at position N` come first.
  const cases: [string, string][] = [
    ['garbage', 'the syntax error is at line 1, column 1'],
    ['garbage\n', 'the syntax error is at line 1, column 1'],
    ['  x', 'the syntax error is at line 1, column 3'],
    ['{"id":tx}', 'the syntax error is at line 1, column 8'],
    ['{\n  "id": "k",\n  "x": nope\n}', 'the syntax error is at line 3, column 9'],
    ['{"é": x}', 'the syntax error is at line 1, column 7'],
    ['{"id": "k",', 'the text ends before the JSON is complete, at line 1, column 12'],
    ['{"id": tru', 'the text ends before the JSON is complete, at line 1, column 11'],
    ['{"a":1,}', 'the syntax error is at line 1, column 8'],
    ['{"a" 1}', 'the syntax error is at line 1, column 6'],
    ['{"a":1}x', 'the syntax error is at line 1, column 8'],
    ['{"id": "k', 'the text ends before the JSON is complete, at line 1, column 10'],
  ];

  for (const [text, expected] of cases) {
    it(`locates the error in ${JSON.stringify(text)}`, () => {
      expect(messageFor(text)).toContain(expected);
    });
  }

  it('locates the error below deep nesting', () => {
    // Deep enough to overflow a scanner that recursed once per bracket.
    const deep = `${'['.repeat(200_000)}x`;

    expect(messageFor(deep)).toContain('the syntax error is at line 1, column 200001');
  });

  it.each([
    ['{"a": [1, 2.5e-3, -0, true, false, null, "\\u00e9\\n"], "b": {}}'],
    ['  [ ]  '],
    ['"text"'],
  ])('finds no error in valid JSON %s', (text) => {
    expect(JSON.parse(text)).toBeDefined();
    expect(scanForSyntaxError(text)).toBeUndefined();
  });

  it.each([
    ['[1,]', 3],
    ['[01]', 2],
    ['[1.]', 3],
    ['[1e]', 3],
    ['["\\x"]', 3],
    ['["\\u12G4"]', 6],
    ['{"a":1 "b":2}', 7],
    ['[1]]', 3],
    ['"tab\there"', 4],
  ])('locates the error in %s at offset %i', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(scanForSyntaxError(text)).toBe(offset);
  });
});

describe('loadCredentialsFile syntax position', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'hm-auth-json-'));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('reports column 1 for a bare word', async () => {
    const path = join(directory, 'garbage.json');
    await writeFile(path, 'garbage\n');

    await expect(loadCredentialsFile(path)).rejects.toThrow('at line 1, column 1.');
  });
});
