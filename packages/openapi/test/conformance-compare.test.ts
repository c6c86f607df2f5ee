import { describe, expect, it } from 'vitest';
import { applyAllowlist, compareWithReference } from './support/conformance.js';
import type { JsonDocument } from './support/reference.js';

/** Builds a one-operation OpenAPI 3 document around a request schema. */
function documentWith(options: {
  statusEnum: string[];
  required: string[];
  codes: string[];
  filterType: string;
}): JsonDocument {
  const responses = Object.fromEntries(options.codes.map((code) => [code, { description: code }]));
  return {
    openapi: '3.0.3',
    paths: {
      '/v1/things': {
        post: {
          parameters: [{ name: 'filter', in: 'query', schema: { type: options.filterType } }],
          requestBody: {
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/Thing' } },
            },
          },
          responses,
        },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: 'object',
          required: options.required,
          properties: { status: { type: 'string', enum: options.statusEnum } },
        },
      },
    },
  };
}

const reference = documentWith({
  statusEnum: ['on', 'off'],
  required: ['status'],
  codes: ['200', '401'],
  filterType: 'string',
});

describe('compareWithReference', () => {
  it('finds nothing for identical documents', () => {
    expect(compareWithReference(reference, new Map([['ref.yml', reference]]))).toEqual([]);
  });

  it('reports each kind of difference', () => {
    const ours = documentWith({
      statusEnum: ['on'],
      required: [],
      codes: ['200', '404'],
      filterType: 'object',
    });

    const keys = compareWithReference(ours, new Map([['ref.yml', reference]])).map((m) => m.key);

    expect(keys).toContain('POST /v1/things parameter query:filter');
    expect(keys).toContain('POST /v1/things status 401');
    expect(keys).toContain('POST /v1/things status 404');
    expect(keys).toContain('POST /v1/things request required (root)');
    expect(keys).toContain('POST /v1/things request enum status');
  });

  it('reports operations missing from the reference', () => {
    const empty: JsonDocument = { openapi: '3.0.3', paths: {} };

    const mismatches = compareWithReference(reference, new Map([['ref.yml', empty]]));

    expect(mismatches).toEqual([
      { key: 'POST /v1/things operation', detail: 'not in any reference file' },
    ]);
  });
});

describe('applyAllowlist', () => {
  it('separates unexpected mismatches and unused entries', () => {
    const mismatches = [
      { key: 'GET /a status 503', detail: 'only in ours' },
      { key: 'GET /b status 404', detail: 'only in the reference' },
    ];

    const result = applyAllowlist(mismatches, [
      { key: /status 503$/, reason: 'documented everywhere' },
      { key: 'GET /c status 409', reason: 'no longer differs' },
    ]);

    expect(result.unexpected.map((m) => m.key)).toEqual(['GET /b status 404']);
    expect(result.unusedEntries.map((entry) => String(entry.key))).toEqual(['GET /c status 409']);
  });
});
