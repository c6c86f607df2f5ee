import { describe, expect, it } from 'vitest';
import { createRefResolver, type Schema, validateSchema } from '../src/index.js';

const document = {
  components: {
    schemas: {
      Vin: { type: 'string', minLength: 17, maxLength: 17 },
      Secret: {
        type: 'object',
        required: ['client_secret'],
        properties: { client_secret: { type: 'string' } },
      },
      Assertion: {
        type: 'object',
        required: ['client_assertion'],
        properties: { client_assertion: { type: 'string' } },
      },
    },
  },
};
const resolve = createRefResolver(document);
const messages = (schema: Schema, value: unknown) =>
  validateSchema(schema, value, resolve).map((issue) => issue.message);

describe('validateSchema', () => {
  it('checks types, including integer and lists of types', () => {
    expect(messages({ type: 'integer' }, 1.5)).toEqual(['body must be integer, got number']);
    expect(messages({ type: 'number' }, 2)).toEqual([]);
    expect(messages({ type: ['string', 'null'] }, null)).toEqual([]);
    expect(messages({ type: 'string', nullable: true }, null)).toEqual([]);
    expect(messages({ type: 'string' }, null)).toEqual(['body must be string, got null']);
  });

  it('follows $ref and reports a missing target', () => {
    expect(messages({ $ref: '#/components/schemas/Vin' }, 'SHORT')).toEqual([
      'body must have at least 17 characters',
    ]);
    expect(messages({ $ref: '#/components/schemas/Nope' }, 'x')[0]).toContain(
      'schema #/components/schemas/Nope is missing',
    );
  });

  it('names nested paths', () => {
    const schema = {
      type: 'object',
      required: ['vehicles'],
      properties: { vehicles: { type: 'array', items: { $ref: '#/components/schemas/Vin' } } },
    };
    const issues = validateSchema(schema, { vehicles: ['EXVETESTVIN000001', 42] }, resolve);
    expect(issues).toEqual([
      { path: 'vehicles[1]', message: 'vehicles[1] must be string, got integer' },
    ]);
    expect(validateSchema(schema, {}, resolve)).toEqual([
      { path: 'vehicles', message: 'vehicles is missing' },
    ]);
  });

  it('checks additional properties', () => {
    const closed = {
      type: 'object',
      properties: { a: { type: 'string' } },
      additionalProperties: false,
    };
    expect(messages(closed, { a: 'x', b: 1 })).toEqual(['b is not an allowed field']);
    const typed = { type: 'object', additionalProperties: { type: 'string' } };
    expect(messages(typed, { tag: 1 })).toEqual(['tag must be string, got integer']);
    expect(messages({ type: 'object', minProperties: 1 }, {})).toEqual([
      'body must have at least 1 fields',
    ]);
  });

  it('checks enum, const, pattern and date-time', () => {
    expect(messages({ enum: ['a', 'b'] }, 'c')).toEqual(['body must be one of: a, b']);
    expect(messages({ const: 2 }, 3)).toEqual(['body must be 2']);
    expect(messages({ type: 'string', pattern: '^[A-Z]+$' }, 'abc')).toEqual([
      'body must match the pattern ^[A-Z]+$',
    ]);
    expect(messages({ type: 'string', format: 'date-time' }, '2024-01-01T10:00:00.5Z')).toEqual([]);
    expect(messages({ type: 'string', format: 'date-time' }, '2024-01-01')).toEqual([
      'body must be an ISO 8601 date-time',
    ]);
  });

  it('checks numeric bounds in both OpenAPI styles', () => {
    expect(messages({ type: 'number', minimum: 0, maximum: 1 }, 1.5)).toEqual([
      'body must be <= 1',
    ]);
    expect(messages({ type: 'number', minimum: 0, exclusiveMinimum: true }, 0)).toEqual([
      'body must be > 0',
    ]);
    expect(messages({ type: 'number', exclusiveMaximum: 10 }, 10)).toEqual(['body must be < 10']);
  });

  it('checks array sizes', () => {
    expect(messages({ type: 'array', minItems: 1 }, [])).toEqual([
      'body must have at least 1 items',
    ]);
    expect(messages({ type: 'array', maxItems: 1 }, [1, 2])).toEqual([
      'body must have at most 1 items',
    ]);
  });

  it('reports the closest oneOf branch', () => {
    const schema = {
      oneOf: [{ $ref: '#/components/schemas/Secret' }, { $ref: '#/components/schemas/Assertion' }],
    };
    expect(messages(schema, { client_secret: 's' })).toEqual([]);
    expect(messages(schema, { client_secret: 5 })).toEqual([
      'client_secret must be string, got integer',
    ]);
    expect(messages(schema, { client_secret: 's', client_assertion: 'a' })).toEqual([
      'body matches more than one of the allowed shapes',
    ]);
  });

  it('checks allOf, anyOf and not', () => {
    expect(messages({ allOf: [{ type: 'string' }, { minLength: 2 }] }, 'a')).toEqual([
      'body must have at least 2 characters',
    ]);
    expect(messages({ anyOf: [{ type: 'string' }, { type: 'boolean' }] }, true)).toEqual([]);
    expect(messages({ not: { type: 'string' } }, 'x')).toEqual([
      'body matches a shape that is not allowed',
    ]);
  });
});
