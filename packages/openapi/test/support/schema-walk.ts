import type { JsonDocument } from './reference.js';

type Node = Record<string, unknown>;

/**
 * Property names, required-field lists and enums of a schema, keyed by
 * property path such as `vehicles.status`.
 */
export interface SchemaFacts {
  properties: Map<string, string[]>;
  required: Map<string, string[]>;
  enums: Map<string, string[]>;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local JSON pointer such as `#/components/schemas/Vin` or `#/definitions/Error`. */
export function resolvePointer(document: JsonDocument, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`Only local $ref values are supported, got ${ref}`);
  let current: unknown = document;
  for (const rawSegment of ref.slice(2).split('/')) {
    const segment = rawSegment.replaceAll('~1', '/').replaceAll('~0', '~');
    current = isNode(current) ? current[segment] : undefined;
  }
  if (current === undefined) throw new Error(`The $ref ${ref} points at nothing`);
  return current;
}

/** Returns the node behind a chain of `$ref`s, or the node itself. */
export function dereference(document: JsonDocument, node: unknown): unknown {
  let current = node;
  for (let depth = 0; isNode(current) && typeof current.$ref === 'string'; depth++) {
    if (depth > 20) throw new Error(`Too many nested $ref values at ${current.$ref}`);
    current = resolvePointer(document, current.$ref);
  }
  return current;
}

function emptyFacts(): SchemaFacts {
  return { properties: new Map(), required: new Map(), enums: new Map() };
}

function sortedUnique(values: unknown[]): string[] {
  return [...new Set(values.map(String))].sort();
}

function addAll(map: Map<string, string[]>, path: string, values: unknown[]): void {
  map.set(path, sortedUnique([...(map.get(path) ?? []), ...values]));
}

/**
 * Merges the facts of `oneOf`/`anyOf` branches: property names and enums are
 * united, and a field counts as required only when every branch requires it.
 */
function mergeAlternatives(branches: SchemaFacts[], into: SchemaFacts): void {
  for (const branch of branches) {
    for (const [path, values] of branch.enums) addAll(into.enums, path, values);
    for (const [path, values] of branch.properties) addAll(into.properties, path, values);
  }
  const paths = new Set(branches.flatMap((branch) => [...branch.required.keys()]));
  for (const path of paths) {
    const lists = branches.map((branch) => branch.required.get(path) ?? []);
    const common = lists.reduce((left, right) => left.filter((name) => right.includes(name)));
    into.required.set(path, common);
  }
}

function walk(
  document: JsonDocument,
  node: unknown,
  path: string,
  facts: SchemaFacts,
  stack: string[],
): void {
  if (isNode(node) && typeof node.$ref === 'string') {
    if (stack.includes(node.$ref)) return;
    walk(document, resolvePointer(document, node.$ref), path, facts, [...stack, node.$ref]);
    return;
  }
  if (!isNode(node)) return;

  if (Array.isArray(node.enum)) facts.enums.set(path, sortedUnique(node.enum));
  if (Array.isArray(node.required) && node.required.length > 0) {
    facts.required.set(path, sortedUnique(node.required));
  }
  if (isNode(node.properties)) {
    addAll(facts.properties, path, Object.keys(node.properties));
    for (const [name, child] of Object.entries(node.properties)) {
      walk(document, child, path ? `${path}.${name}` : name, facts, stack);
    }
  }
  // Arrays keep the path of their items, so a list of readings and a single
  // reading of the same property compare equal.
  if (node.items !== undefined) walk(document, node.items, path, facts, stack);
  if (isNode(node.additionalProperties)) {
    walk(document, node.additionalProperties, path ? `${path}.*` : '*', facts, stack);
  }
  for (const key of ['allOf'] as const) {
    const parts = node[key];
    if (Array.isArray(parts)) for (const part of parts) walk(document, part, path, facts, stack);
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const parts = node[key];
    if (!Array.isArray(parts)) continue;
    const branches = parts.map((part) => {
      const branchFacts = emptyFacts();
      walk(document, part, path, branchFacts, stack);
      return branchFacts;
    });
    mergeAlternatives(branches, facts);
  }
}

/** Collects the property names, required-field lists and enums of a schema and everything it refers to. */
export function collectSchemaFacts(document: JsonDocument, schema: unknown): SchemaFacts {
  const facts = emptyFacts();
  walk(document, schema, '', facts, []);
  return facts;
}
