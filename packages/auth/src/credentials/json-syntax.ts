/**
 * Location of the first JSON syntax error in a text: `offset` in UTF-16 code units, and
 * `atEnd` when the text ends before the JSON value is complete.
 */
export interface JsonSyntaxErrorLocation {
  offset: number;
  atEnd: boolean;
}

/**
 * Finds the first JSON syntax error in `text` after `JSON.parse` rejected it. V8's message names
 * `at position N` for some errors only (Node 20 reports `Unexpected token 'g', "garbage" is not
 * valid JSON` without one), so the position is taken from the message when present and otherwise
 * found by scanning the text against the RFC 8259 grammar.
 *
 * Returns `undefined` when neither source gives a position, for example when the scan finds no
 * error or the nesting is too deep for the call stack.
 */
export function locateJsonSyntaxError(
  text: string,
  error: unknown,
): JsonSyntaxErrorLocation | undefined {
  const message = error instanceof Error ? error.message : '';
  const match = /at position (\d+)/.exec(message);
  const offset =
    match?.[1] === undefined ? scanForSyntaxError(text) : Math.min(Number(match[1]), text.length);
  return offset === undefined ? undefined : { offset, atEnd: offset >= text.length };
}

/** Converts a UTF-16 offset into a 1-based line and a column counted in code points. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: [...(lines.at(-1) ?? '')].length + 1 };
}

class SyntaxErrorAt {
  constructor(readonly offset: number) {}
}

/** Returns the offset of the first syntax error, or `undefined` when the text is valid JSON. */
function scanForSyntaxError(text: string): number | undefined {
  const scanner = new JsonScanner(text);
  try {
    scanner.value();
    scanner.skipWhitespace();
    if (scanner.index < text.length) return scanner.index;
    return undefined;
  } catch (caught) {
    if (caught instanceof SyntaxErrorAt) return caught.offset;
    // A RangeError from very deep nesting leaves the position unknown.
    if (caught instanceof RangeError) return undefined;
    throw caught;
  }
}

/** A recursive-descent reader of the JSON grammar that only tracks where the text breaks it. */
class JsonScanner {
  index = 0;

  constructor(private readonly text: string) {}

  value(): void {
    this.skipWhitespace();
    const char = this.text[this.index];
    if (char === '{') this.object();
    else if (char === '[') this.array();
    else if (char === '"') this.string();
    else if (char === '-' || isDigit(char)) this.number();
    else if (char === 't') this.literal('true');
    else if (char === 'f') this.literal('false');
    else if (char === 'n') this.literal('null');
    else this.fail();
  }

  skipWhitespace(): void {
    while (/[ \t\n\r]/.test(this.text[this.index] ?? '')) this.index += 1;
  }

  private object(): void {
    this.sequence('}', () => {
      this.skipWhitespace();
      if (this.text[this.index] !== '"') this.fail();
      this.string();
      this.skipWhitespace();
      this.expect(':');
      this.value();
    });
  }

  private array(): void {
    this.sequence(']', () => this.value());
  }

  /** Reads an object or array from its opening bracket: comma-separated items, then `close`. */
  private sequence(close: string, item: () => void): void {
    this.index += 1;
    this.skipWhitespace();
    if (this.text[this.index] === close) {
      this.index += 1;
      return;
    }
    for (;;) {
      item();
      this.skipWhitespace();
      if (this.text[this.index] === close) break;
      this.expect(',');
    }
    this.index += 1;
  }

  private string(): void {
    this.index += 1;
    for (;;) {
      const char = this.text[this.index];
      if (char === undefined || char < ' ') this.fail();
      this.index += 1;
      if (char === '"') return;
      if (char !== '\\') continue;
      const escaped = this.text[this.index];
      if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) {
        this.index += 1;
      } else if (escaped === 'u') {
        this.index += 1;
        for (let digit = 0; digit < 4; digit += 1) this.match(/[0-9a-fA-F]/);
      } else {
        this.fail();
      }
    }
  }

  private number(): void {
    if (this.text[this.index] === '-') this.index += 1;
    if (this.text[this.index] === '0') this.index += 1;
    else this.digits();
    if (this.text[this.index] === '.') {
      this.index += 1;
      this.digits();
    }
    if (this.text[this.index] === 'e' || this.text[this.index] === 'E') {
      this.index += 1;
      if (this.text[this.index] === '+' || this.text[this.index] === '-') this.index += 1;
      this.digits();
    }
  }

  private digits(): void {
    this.match(/[0-9]/);
    while (isDigit(this.text[this.index])) this.index += 1;
  }

  private literal(word: string): void {
    for (const char of word) this.expect(char);
  }

  private expect(char: string): void {
    if (this.text[this.index] !== char) this.fail();
    this.index += 1;
  }

  private match(pattern: RegExp): void {
    if (!pattern.test(this.text[this.index] ?? '')) this.fail();
    this.index += 1;
  }

  private fail(): never {
    throw new SyntaxErrorAt(this.index);
  }
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}
