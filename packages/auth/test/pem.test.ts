import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeBase64,
  decodePemBlocks,
  encodePem,
  normalisePemText,
  PemError,
} from '../src/credentials/pem.js';

/** Ways a PEM gets mangled in transit, each applied to a well-formed PEM text. */
const manglings: Record<string, (pem: string) => string> = {
  none: (pem) => pem,
  literalBackslashN: (pem) => pem.replace(/\n/g, '\\n'),
  literalBackslashRN: (pem) => pem.replace(/\n/g, '\\r\\n'),
  crlf: (pem) => pem.replace(/\n/g, '\r\n'),
  doubleQuoted: (pem) => `"${pem.replace(/\n/g, '\\n')}"`,
  singleQuoted: (pem) => `'${pem}'`,
  indented: (pem) => pem.replace(/^/gm, '    '),
  spacesForNewlines: (pem) => pem.replace(/\n/g, ' '),
  jsonEscapedSlashes: (pem) => pem.replace(/\//g, '\\/'),
  surroundingBlankLines: (pem) => `\n\n  ${pem}\n\n`,
};

function rewrap(pem: string, width: number): string {
  return pem.replace(/\n([A-Za-z0-9+/=\n]+)\n-----END/, (_match, body: string) => {
    const joined = body.replace(/\n/g, '');
    const lines = joined.match(new RegExp(`.{1,${width}}`, 'g')) ?? [];
    return `\n${lines.join('\n')}\n-----END`;
  });
}

describe('PEM normalisation', () => {
  it('decodes every mangled form to the same bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 300 }),
        fc.constantFrom(...Object.keys(manglings)),
        fc.integer({ min: 4, max: 120 }),
        (der, mangling, width) => {
          const pem = rewrap(encodePem('PRIVATE KEY', der), width);
          const mangled = (manglings[mangling] as (text: string) => string)(pem);
          const blocks = decodePemBlocks(normalisePemText(mangled));
          expect(blocks).toHaveLength(1);
          expect(blocks[0]?.label).toBe('PRIVATE KEY');
          expect(Array.from(blocks[0]?.der ?? [])).toEqual(Array.from(der));
        },
      ),
    );
  });

  it('accepts base64 with or without padding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 100 }), (bytes) => {
        const padded = Buffer.from(bytes).toString('base64');
        const unpadded = padded.replace(/=+$/, '');
        expect(Array.from(decodeBase64(padded, 'key'))).toEqual(Array.from(bytes));
        expect(Array.from(decodeBase64(unpadded, 'key'))).toEqual(Array.from(bytes));
      }),
    );
  });

  it('reports an invalid character by position', () => {
    expect(() => decodeBase64('AAAA*AAA', 'key')).toThrow(/U\+002A\) at position 4/);
  });

  it('flags a missing END line as truncated', () => {
    const pem = encodePem('PRIVATE KEY', Uint8Array.of(1, 2, 3)).split('-----END')[0] as string;
    let caught: unknown;
    try {
      decodePemBlocks(pem);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PemError);
    expect((caught as PemError).truncated).toBe(true);
  });

  it('keeps blocks in order', () => {
    const text =
      encodePem('EC PARAMETERS', Uint8Array.of(6, 1, 0)) +
      encodePem('EC PRIVATE KEY', Uint8Array.of(9));
    expect(decodePemBlocks(text).map((block) => block.label)).toEqual([
      'EC PARAMETERS',
      'EC PRIVATE KEY',
    ]);
  });
});
