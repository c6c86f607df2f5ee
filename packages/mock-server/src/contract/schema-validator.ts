/** A JSON schema object as OpenAPI 3.0 writes it (a subset of JSON Schema plus `nullable`). */
export type Schema = Record<string, unknown>;

/** One place where a value does not match its schema. */
export interface ValidationIssue {
  /** Location of the value, for example `vehicles[0].brand`; empty for the whole value. */
  path: string;
  /** Problem description, starting with the location, for example `brand must be one of: bmw, ...`. */
  message: string;
}

/** Resolves a local `$ref` such as `#/components/schemas/Vin` against the document. */
export type RefResolver = (ref: string) => Schema | undefined;

const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** Creates a resolver for `#/...` JSON pointers inside `document`. */
export function createRefResolver(document: unknown): RefResolver {
  return (ref) => {
    if (!ref.startsWith('#/')) return undefined;
    let node: unknown = document;
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<string, unknown>)[key];
    }
    return node !== null && typeof node === 'object' ? (node as Schema) : undefined;
  };
}

function describePath(path: string): string {
  return path === '' ? 'body' : path;
}

function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base === '' ? key : `${base}.${key}`;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/**
 * Validates `value` against an OpenAPI 3.0 schema and returns every issue found (an empty list
 * means valid). Supported keywords: `$ref`, `type` (also as a list), `nullable`, `enum`, `const`,
 * `properties`, `required`, `additionalProperties`, `minProperties`, `maxProperties`, `items`,
 * `minItems`, `maxItems`, `minLength`, `maxLength`, `pattern`, `minimum`, `maximum`,
 * `exclusiveMinimum`, `exclusiveMaximum`, `format: date-time`, `allOf`, `anyOf`, `oneOf` and `not`.
 * Other keywords are ignored.
 */
export function validateSchema(
  schema: Schema,
  value: unknown,
  resolve: RefResolver,
  path = '',
): ValidationIssue[] {
  if (typeof schema.$ref === 'string') {
    const target = resolve(schema.$ref);
    if (!target)
      return [{ path, message: `${describePath(path)}: schema ${schema.$ref} is missing` }];
    return validateSchema(target, value, resolve, path);
  }
  if (value === null && schema.nullable === true) return [];
  const typeIssue = checkType(schema, value, path);
  if (typeIssue) return [typeIssue];
  return [
    ...checkValue(schema, value, path),
    ...checkComposition(schema, value, resolve, path),
    ...(Array.isArray(value) ? checkArray(schema, value, resolve, path) : []),
    ...(typeOf(value) === 'object'
      ? checkObject(schema, value as Record<string, unknown>, resolve, path)
      : []),
  ];
}

function checkType(schema: Schema, value: unknown, path: string): ValidationIssue | undefined {
  const { type } = schema;
  if (type === undefined) return undefined;
  const types = Array.isArray(type) ? (type as string[]) : [String(type)];
  if (types.some((candidate) => matchesType(value, candidate))) return undefined;
  return {
    path,
    message: `${describePath(path)} must be ${types.join(' or ')}, got ${typeOf(value)}`,
  };
}

function checkValue(schema: Schema, value: unknown, path: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const name = describePath(path);
  const add = (message: string) => issues.push({ path, message: `${name} ${message}` });
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
    add(`must be one of: ${schema.enum.map(String).join(', ')}`);
  }
  if ('const' in schema && schema.const !== value) add(`must be ${JSON.stringify(schema.const)}`);
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) {
      add(`must have at least ${schema.minLength} characters`);
    }
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) {
      add(`must have at most ${schema.maxLength} characters`);
    }
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
      add(`must match the pattern ${schema.pattern}`);
    }
    if (schema.format === 'date-time' && !dateTimePattern.test(value)) {
      add('must be an ISO 8601 date-time');
    }
  }
  if (typeof value === 'number') issues.push(...checkNumber(schema, value, path));
  return issues;
}

function checkNumber(schema: Schema, value: number, path: string): ValidationIssue[] {
  const name = describePath(path);
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
  const issues: ValidationIssue[] = [];
  // OpenAPI 3.0 writes exclusive bounds as booleans next to minimum/maximum; 3.1 as numbers.
  if (typeof minimum === 'number') {
    const exclusive = exclusiveMinimum === true;
    if (exclusive ? value <= minimum : value < minimum) {
      issues.push({ path, message: `${name} must be ${exclusive ? '>' : '>='} ${minimum}` });
    }
  }
  if (typeof maximum === 'number') {
    const exclusive = exclusiveMaximum === true;
    if (exclusive ? value >= maximum : value > maximum) {
      issues.push({ path, message: `${name} must be ${exclusive ? '<' : '<='} ${maximum}` });
    }
  }
  if (typeof exclusiveMinimum === 'number' && value <= exclusiveMinimum) {
    issues.push({ path, message: `${name} must be > ${exclusiveMinimum}` });
  }
  if (typeof exclusiveMaximum === 'number' && value >= exclusiveMaximum) {
    issues.push({ path, message: `${name} must be < ${exclusiveMaximum}` });
  }
  return issues;
}

function checkComposition(
  schema: Schema,
  value: unknown,
  resolve: RefResolver,
  path: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const name = describePath(path);
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf as Schema[])
      issues.push(...validateSchema(part, value, resolve, path));
  }
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    const results = (branches as Schema[]).map((branch) =>
      validateSchema(branch, value, resolve, path),
    );
    const passing = results.filter((result) => result.length === 0).length;
    if (keyword === 'oneOf' && passing > 1) {
      issues.push({ path, message: `${name} matches more than one of the allowed shapes` });
    } else if (passing === 0) {
      // The branch with the fewest issues is most likely the one the sender meant.
      const closest = results.reduce((best, result) =>
        result.length < best.length ? result : best,
      );
      issues.push(...closest);
    }
  }
  if (schema.not && validateSchema(schema.not as Schema, value, resolve, path).length === 0) {
    issues.push({ path, message: `${name} matches a shape that is not allowed` });
  }
  return issues;
}

function checkArray(
  schema: Schema,
  value: unknown[],
  resolve: RefResolver,
  path: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const name = describePath(path);
  if (typeof schema.minItems === 'number' && value.length < schema.minItems) {
    issues.push({ path, message: `${name} must have at least ${schema.minItems} items` });
  }
  if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) {
    issues.push({ path, message: `${name} must have at most ${schema.maxItems} items` });
  }
  if (schema.items && typeof schema.items === 'object') {
    value.forEach((item, index) => {
      issues.push(...validateSchema(schema.items as Schema, item, resolve, joinPath(path, index)));
    });
  }
  return issues;
}

function checkObject(
  schema: Schema,
  value: Record<string, unknown>,
  resolve: RefResolver,
  path: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const keys = Object.keys(value);
  for (const field of (schema.required ?? []) as string[]) {
    if (value[field] === undefined) {
      const fieldPath = joinPath(path, field);
      issues.push({ path: fieldPath, message: `${fieldPath} is missing` });
    }
  }
  if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) {
    issues.push({
      path,
      message: `${describePath(path)} must have at least ${schema.minProperties} fields`,
    });
  }
  if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties) {
    issues.push({
      path,
      message: `${describePath(path)} must have at most ${schema.maxProperties} fields`,
    });
  }
  for (const key of keys) {
    if (value[key] === undefined) continue;
    const fieldPath = joinPath(path, key);
    const propertySchema = properties[key];
    if (propertySchema) {
      issues.push(...validateSchema(propertySchema, value[key], resolve, fieldPath));
    } else if (schema.additionalProperties === false) {
      issues.push({ path: fieldPath, message: `${fieldPath} is not an allowed field` });
    } else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      issues.push(
        ...validateSchema(schema.additionalProperties as Schema, value[key], resolve, fieldPath),
      );
    }
  }
  return issues;
}
