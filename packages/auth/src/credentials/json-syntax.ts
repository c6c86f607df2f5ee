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
 * Returns `undefined` when neither source gives a position, which happens only if the scan finds
 * no error in a text that `JSON.parse` rejected.
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

const LITERALS: Record<string, string> = { t: 'true', f: 'false', n: 'null' };

/**
 * Returns the offset of the first character that breaks the JSON grammar, or `undefined` when
 * the text is valid JSON. Open brackets go on a stack instead of the call stack, so any nesting
 * depth works.
 */
export function scanForSyntaxError(text: string): number | undefined {
  let index = 0;
  const closers: string[] = [];

  const skipWhitespace = () => {
    while (/[ \t\n\r]/.test(text[index] ?? '')) index += 1;
  };
  const accept = (pattern: RegExp): boolean => {
    if (!pattern.test(text[index] ?? '')) return false;
    index += 1;
    return true;
  };
  const digits = (): boolean => {
    if (!accept(/[0-9]/)) return false;
    while (accept(/[0-9]/));
    return true;
  };
  const string = (): boolean => {
    index += 1;
    for (;;) {
      const char = text[index];
      if (char === undefined || char < ' ') return false;
      index += 1;
      if (char === '"') return true;
      if (char !== '\\') continue;
      if (accept(/u/)) {
        for (let digit = 0; digit < 4; digit += 1) if (!accept(/[0-9a-fA-F]/)) return false;
      } else if (!accept(/["\\/bfnrt]/)) {
        return false;
      }
    }
  };
  const number = (): boolean => {
    accept(/-/);
    if (!accept(/0/) && !digits()) return false;
    if (accept(/\./) && !digits()) return false;
    if (accept(/[eE]/)) {
      accept(/[+-]/);
      if (!digits()) return false;
    }
    return true;
  };
  const scalar = (): boolean => {
    const char = text[index] ?? '';
    if (char === '"') return string();
    if (char === '-' || (char >= '0' && char <= '9')) return number();
    const literal = LITERALS[char];
    if (literal === undefined) return false;
    for (const expected of literal) {
      if (text[index] !== expected) return false;
      index += 1;
    }
    return true;
  };
  // An object member's key and colon, up to the value.
  const key = (): boolean => {
    skipWhitespace();
    if (text[index] !== '"' || !string()) return false;
    skipWhitespace();
    return accept(/:/);
  };

  for (;;) {
    skipWhitespace();
    const open = text[index];
    if (open === '{' || open === '[') {
      index += 1;
      const close = open === '{' ? '}' : ']';
      skipWhitespace();
      if (!accept(close === '}' ? /\}/ : /\]/)) {
        closers.push(close);
        if (close === '}' && !key()) return index;
        continue;
      }
    } else if (!scalar()) {
      return index;
    }
    // After a value: close brackets until a comma starts the next value, or the text ends.
    for (;;) {
      skipWhitespace();
      const close = closers.at(-1);
      if (close === undefined) return index < text.length ? index : undefined;
      if (text[index] === close) {
        closers.pop();
        index += 1;
        continue;
      }
      if (!accept(/,/) || (close === '}' && !key())) return index;
      break;
    }
  }
}
