import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Folder with High Mobility's published OpenAPI files, next to the repository. */
export const referenceDir = fileURLToPath(
  new URL('../../../../../shared/reference/high-mobility-openapi/', import.meta.url),
);

/** Whether the reference files are present; CI lays them out next to the repository. */
export const hasReference = existsSync(referenceDir);

/** One example response body from a reference file. */
export interface ReferenceExample {
  file: string;
  method: string;
  path: string;
  status: number;
  /** The example's name, or `schema` for one built from the schema's own examples. */
  name: string;
  body: unknown;
}

type Node = Record<string, unknown>;

function resolver(document: Node): (node: unknown) => Node | undefined {
  return (node) => {
    let current = node as Node | undefined;
    // Follows local references such as #/components/schemas/Error.
    while (typeof current?.$ref === 'string') {
      const parts = current.$ref.replace(/^#\//, '').split('/');
      current = parts.reduce<Node | undefined>(
        (value, part) => value?.[part] as Node | undefined,
        document,
      );
    }
    return current;
  };
}

/**
 * Builds an example for a schema: its own `example`, or else an object or list assembled from
 * the examples of its properties and items. Returns undefined when no part has an example.
 */
function exampleOf(
  schema: unknown,
  resolve: (node: unknown) => Node | undefined,
  depth = 0,
): unknown {
  const node = resolve(schema);
  if (node === undefined || depth > 6) return undefined;
  if (node.example !== undefined) return node.example;
  if (node.type === 'array' || node.items !== undefined) {
    const item = exampleOf(node.items, resolve, depth + 1);
    return item === undefined ? undefined : [item];
  }
  const properties = node.properties as Record<string, unknown> | undefined;
  if (properties === undefined) return undefined;
  const entries = Object.entries(properties)
    .map(([name, property]) => [name, exampleOf(property, resolve, depth + 1)] as const)
    .filter(([, value]) => value !== undefined);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** Collects every example response body of the given paths in one reference file. */
export function loadExamples(file: string, paths: readonly string[]): ReferenceExample[] {
  const document = parse(readFileSync(`${referenceDir}${file}`, 'utf8')) as Node;
  const resolve = resolver(document);
  const examples: ReferenceExample[] = [];
  for (const path of paths) {
    const item = (document.paths as Node)[path] as Node;
    for (const [method, operation] of Object.entries(item)) {
      const responses = ((operation as Node).responses ?? {}) as Node;
      for (const [status, response] of Object.entries(responses)) {
        const media = ((resolve(response)?.content as Node | undefined)?.['application/json'] ??
          {}) as Node;
        const named = Object.entries(
          (media.examples ?? {}) as Record<string, { value: unknown }>,
        ).map(([name, example]) => ({ name, body: example.value }));
        const fromSchema = media.example ?? exampleOf(media.schema, resolve);
        const bodies =
          fromSchema === undefined ? named : [...named, { name: 'schema', body: fromSchema }];
        for (const { name, body } of bodies) {
          examples.push({
            file,
            method: method.toUpperCase(),
            path,
            status: Number(status),
            name,
            body,
          });
        }
      }
    }
  }
  return examples;
}
