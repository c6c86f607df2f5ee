/**
 * A minimal DER (ASN.1 Distinguished Encoding Rules) reader and writer: just enough to tell key
 * types apart and to wrap a SEC1 EC key into PKCS#8, which Web Crypto can import.
 */

/** Universal and context-specific tags used by PKCS#8, SEC1 and SPKI structures. */
export const Tag = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  sequence: 0x30,
  context0: 0xa0,
  context1: 0xa1,
} as const;

/** One tag-length-value element inside a byte array. */
export interface DerElement {
  tag: number;
  /** Index of the tag byte, where the element starts. */
  offset: number;
  /** Index of the first content byte. */
  start: number;
  /** Index one past the last content byte. */
  end: number;
  /** Index one past the whole element, header included. */
  next: number;
}

/** Reason a DER structure could not be read. */
export class DerError extends Error {
  constructor(
    message: string,
    readonly truncated: boolean,
  ) {
    super(message);
    this.name = 'DerError';
  }
}

/** Reads the element that starts at `offset`, checking that its length fits in `limit`. */
export function readElement(bytes: Uint8Array, offset = 0, limit = bytes.length): DerElement {
  if (offset + 2 > limit) {
    throw new DerError(`DER data ends at byte ${limit}, inside an element header`, true);
  }
  const tag = bytes[offset] as number;
  const first = bytes[offset + 1] as number;
  let start = offset + 2;
  let length = first;
  if (first === 0x80) {
    throw new DerError('DER data uses an indefinite length, which DER does not allow', false);
  }
  if (first > 0x80) {
    const count = first & 0x7f;
    if (count > 4) {
      throw new DerError(`DER length field of ${count} bytes is too long`, false);
    }
    if (start + count > limit) {
      throw new DerError(`DER data ends at byte ${limit}, inside a length field`, true);
    }
    length = 0;
    for (let index = 0; index < count; index += 1) {
      length = length * 256 + (bytes[start + index] as number);
    }
    start += count;
  }
  const end = start + length;
  if (end > limit) {
    throw new DerError(
      `DER element declares ${length} bytes but only ${limit - start} remain`,
      true,
    );
  }
  return { tag, offset, start, end, next: end };
}

/** Reads the direct children of a constructed element such as a SEQUENCE. */
export function readChildren(bytes: Uint8Array, parent: DerElement): DerElement[] {
  const children: DerElement[] = [];
  let offset = parent.start;
  while (offset < parent.end) {
    const child = readElement(bytes, offset, parent.end);
    children.push(child);
    offset = child.next;
  }
  return children;
}

/** Returns the content bytes of an element. */
export function contentOf(bytes: Uint8Array, element: DerElement): Uint8Array {
  return bytes.subarray(element.start, element.end);
}

/** Decodes an OBJECT IDENTIFIER element into dotted form, such as `1.2.840.10045.2.1`. */
export function decodeOid(bytes: Uint8Array, element: DerElement): string {
  const content = contentOf(bytes, element);
  const arcs: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    }
  }
  const first = arcs.shift() ?? 0;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}

/** Encodes one element from a tag and its content bytes. */
export function encodeElement(tag: number, content: Uint8Array): Uint8Array {
  const length = content.length;
  let header: number[];
  if (length < 0x80) {
    header = [tag, length];
  } else {
    const lengthBytes: number[] = [];
    for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) {
      lengthBytes.unshift(rest % 256);
    }
    header = [tag, 0x80 | lengthBytes.length, ...lengthBytes];
  }
  const out = new Uint8Array(header.length + length);
  out.set(header, 0);
  out.set(content, header.length);
  return out;
}

/** Concatenates byte arrays. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Encodes a dotted OBJECT IDENTIFIER as a complete element. */
export function encodeOid(oid: string): Uint8Array {
  const [first = 0, second = 0, ...rest] = oid.split('.').map(Number);
  const content: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const groups: number[] = [arc % 128];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) {
      groups.unshift((value % 128) | 0x80);
    }
    content.push(...groups);
  }
  return encodeElement(Tag.oid, Uint8Array.from(content));
}
