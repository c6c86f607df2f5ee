/**
 * Encoded forms in which a server may echo a secret from the request body. They cover JSON string
 * escapes (any number of rounds, with `/` and non-ASCII optionally escaped) and percent-encoding
 * with `%20` or `+` for a space. They also cover the stable middle of base64 and base64url copies.
 */

// Shorter base64 runs are too likely to match unrelated text.
const MIN_BASE64_RUN = 8;

/**
 * Builds one pattern per encoded form of `secret`: the raw or JSON-escaped text, the
 * percent-encoded text and the base64 runs. Percent-encoded forms match case-insensitively,
 * because `%2b` and `%2B` are equivalent.
 */
export function secretForms(secret: string): RegExp[] {
  if (secret === '') {
    return [];
  }
  const patterns = [new RegExp(jsonEscapedPattern(secret), 'g')];
  const percentForms = new Set([encodeURIComponent(secret), formEncode(secret)]);
  for (const encoded of percentForms) {
    if (encoded !== secret) {
      patterns.push(new RegExp(escapeRegExp(encoded), 'gi'));
    }
  }
  // A server that base64-encodes the whole body encodes the secret as the body carried it.
  // NOTE: only uppercase percent escapes and one round of JSON escaping are covered here.
  const bodyForms = new Set([secret, JSON.stringify(secret).slice(1, -1), ...percentForms]);
  for (const form of bodyForms) {
    for (const run of base64Runs(form)) {
      patterns.push(new RegExp(escapeRegExp(run), 'g'));
    }
  }
  return patterns;
}

const SHORT_ESCAPES: Record<string, string> = {
  '\n': 'n',
  '\r': 'r',
  '\t': 't',
  '\b': 'b',
  '\f': 'f',
};

/**
 * Builds a pattern source that matches the secret raw or after any number of rounds of JSON
 * string escaping. Each round may add backslashes before a character or turn it into a `\uXXXX`
 * escape, so every UTF-16 unit of the secret may be preceded by backslashes and spelled either way.
 */
function jsonEscapedPattern(secret: string): string {
  let source = '';
  for (let index = 0; index < secret.length; index += 1) {
    const unit = secret.charAt(index);
    const hex = secret.charCodeAt(index).toString(16).padStart(4, '0');
    const hexPattern = [...hex]
      .map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit))
      .join('');
    const spellings = [escapeRegExp(unit), `u${hexPattern}`];
    const short = SHORT_ESCAPES[unit];
    if (short !== undefined) {
      spellings.push(short);
    }
    source += `\\\\*(?:${spellings.join('|')})`;
  }
  return source;
}

function formEncode(text: string): string {
  return new URLSearchParams({ v: text }).toString().slice(2);
}

/**
 * Returns the parts of the base64 and base64url encodings of `secret` that do not depend on the
 * bytes around it, for each of the three byte alignments the secret can have in a longer text.
 */
function base64Runs(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const runs: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const encoded = btoa(String.fromCharCode(...padded));
    // A 4-character group encodes 3 bytes, so groups that mix in neighbouring bytes are dropped.
    const start = offset === 0 ? 0 : 4;
    const end = Math.floor(padded.length / 3) * 4;
    const run = encoded.slice(start, end);
    if (run.length >= MIN_BASE64_RUN) {
      runs.push(run, run.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return runs;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
