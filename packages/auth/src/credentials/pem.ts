/** One PEM block: the label from its BEGIN line and its decoded DER bytes. */
export interface PemBlock {
  label: string;
  der: Uint8Array;
  /** Whether the block has RFC 1421 headers such as `Proc-Type: 4,ENCRYPTED`. */
  hasHeaders: boolean;
}

/** Reason a PEM text could not be decoded; `truncated` marks input that stops too early. */
export class PemError extends Error {
  constructor(
    message: string,
    readonly truncated: boolean,
  ) {
    super(message);
    this.name = 'PemError';
  }
}

const BEGIN = /-----BEGIN ([A-Z0-9 ]+)-----/g;

/**
 * Undoes the ways a PEM gets mangled on its way through environment variables, `.env` files and
 * JSON: surrounding quotes, literal `\n` or `\r\n` escape sequences, JSON's `\/`, CRLF line
 * endings and indentation. Whitespace inside the base64 body is dropped later, so lines may
 * also be joined or wrapped at any width.
 */
export function normalisePemText(input: string): string {
  let text = input.trim();
  const quote = text[0];
  if (text.length >= 2 && (quote === '"' || quote === "'") && text.endsWith(quote)) {
    text = text.slice(1, -1).trim();
  }
  return text
    .replace(/\\r\\n|\\n|\\r/g, '\n')
    .replace(/\\\//g, '/')
    .replace(/\r\n?/g, '\n');
}

/** Checks whether a text contains a PEM BEGIN line. */
export function looksLikePem(text: string): boolean {
  return text.includes('-----BEGIN ');
}

/** Decodes every PEM block of a text, in order. The text should be normalised first. */
export function decodePemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(BEGIN)) {
    const label = match[1] as string;
    const bodyStart = (match.index ?? 0) + match[0].length;
    const endLine = `-----END ${label}-----`;
    const bodyEnd = text.indexOf(endLine, bodyStart);
    if (bodyEnd < 0) {
      throw new PemError(`the ${label} block has no '${endLine}' line`, true);
    }
    const { body, hasHeaders } = splitHeaders(text.slice(bodyStart, bodyEnd));
    blocks.push({ label, der: decodeBase64(body, label), hasHeaders });
  }
  return blocks;
}

function splitHeaders(section: string): { body: string; hasHeaders: boolean } {
  const lines = section.split('\n');
  const hasHeaders = lines.some((line) => /^[A-Za-z-]+:/.test(line.trim()));
  if (!hasHeaders) {
    return { body: section, hasHeaders };
  }
  return { body: lines.filter((line) => !line.includes(':')).join('\n'), hasHeaders };
}

/**
 * Decodes standard base64 after removing all whitespace. Padding may be missing. The error names
 * the first invalid character by position and code point but never repeats the valid data.
 */
export function decodeBase64(text: string, source: string): Uint8Array {
  const body = text.replace(/\s+/g, '');
  const invalid = body.search(/[^A-Za-z0-9+/=]|=[^=]|=={2,}/);
  if (invalid >= 0) {
    const code = body.codePointAt(invalid) ?? 0;
    throw new PemError(
      `the ${source} body contains a character that is not base64 (U+${code.toString(16).toUpperCase().padStart(4, '0')}) at position ${invalid}`,
      false,
    );
  }
  const unpadded = body.replace(/=+$/, '');
  if (unpadded.length === 0) {
    throw new PemError(`the ${source} body is empty`, true);
  }
  if (unpadded.length % 4 === 1) {
    throw new PemError(
      `the ${source} body has ${unpadded.length} base64 characters, one too many or three too few`,
      true,
    );
  }
  const binary = atob(unpadded + '='.repeat((4 - (unpadded.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** Encodes DER bytes as a PEM block with 64-character lines. */
export function encodePem(label: string, der: Uint8Array): string {
  let binary = '';
  for (const byte of der) {
    binary += String.fromCharCode(byte);
  }
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
