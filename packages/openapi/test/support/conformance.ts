import type { JsonDocument } from './reference.js';
import { collectSchemaFacts, dereference, type SchemaFacts } from './schema-walk.js';

/** One difference between the package's document and the reference files. */
export interface Mismatch {
  /** Stable identifier, such as `GET /v1/fleets/vehicles status 503`, matched by the allowlist. */
  key: string;
  /** What differs, with the values on both sides. */
  detail: string;
}

/** A known, deliberate mismatch and the reason for keeping it. */
export interface AllowedMismatch {
  key: string | RegExp;
  reason: string;
}

interface ParameterFacts {
  required: boolean;
  type: string;
}

interface OperationFacts {
  parameters: Map<string, ParameterFacts>;
  requestSchema: unknown;
  statusCodes: string[];
  successSchema: unknown;
}

const httpMethods = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'];

type Node = Record<string, unknown>;

function asNode(value: unknown): Node {
  return typeof value === 'object' && value !== null ? (value as Node) : {};
}

function jsonSchemaOf(document: JsonDocument, holder: unknown): unknown {
  const node = asNode(dereference(document, holder));
  // Swagger 2.0 puts the schema on the response or body parameter itself.
  if (node.schema !== undefined) return node.schema;
  const content = asNode(node.content);
  return asNode(content['application/json']).schema;
}

function parameterFacts(document: JsonDocument, pathItem: Node, operation: Node) {
  const parameters = new Map<string, ParameterFacts>();
  let bodySchema: unknown;
  const declared = [pathItem.parameters, operation.parameters].flatMap((list) =>
    Array.isArray(list) ? list : [],
  );
  for (const raw of declared) {
    const parameter = asNode(dereference(document, raw));
    // Swagger 2.0 sends the body as a parameter; OpenAPI 3 has requestBody.
    if (parameter.in === 'body') {
      bodySchema = parameter.schema;
      continue;
    }
    // The bearer token travels by the security scheme, whichever way a file declares it.
    if (parameter.in === 'header' && parameter.name === 'Authorization') continue;
    const schema = asNode(dereference(document, parameter.schema));
    parameters.set(`${parameter.in}:${parameter.name}`, {
      required: parameter.required === true,
      type: String(schema.type ?? parameter.type ?? 'unspecified'),
    });
  }
  return { parameters, bodySchema };
}

/** Reads the comparable facts of one operation, or undefined when the document lacks it. */
export function readOperation(
  document: JsonDocument,
  path: string,
  method: string,
): OperationFacts | undefined {
  const pathItem = asNode(dereference(document, asNode(document.paths)[path]));
  const operation = pathItem[method];
  if (operation === undefined) return undefined;
  const node = asNode(operation);

  const { parameters, bodySchema } = parameterFacts(document, pathItem, node);
  const responses = asNode(node.responses);
  const statusCodes = Object.keys(responses).sort();
  const successCode = statusCodes.find((code) => code.startsWith('2'));
  return {
    parameters,
    requestSchema: node.requestBody ? jsonSchemaOf(document, node.requestBody) : bodySchema,
    statusCodes,
    successSchema: successCode ? jsonSchemaOf(document, responses[successCode]) : undefined,
  };
}

/** Lists `METHOD /path` for every operation of a document. */
export function listOperations(document: JsonDocument): Array<{ path: string; method: string }> {
  return Object.entries(asNode(document.paths)).flatMap(([path, item]) =>
    Object.keys(asNode(item))
      .filter((key) => httpMethods.includes(key))
      .map((method) => ({ path, method })),
  );
}

function describeList(values: string[] | undefined): string {
  return values === undefined ? 'none' : `[${values.join(', ')}]`;
}

function compareFactMaps(
  prefix: string,
  ours: Map<string, string[]>,
  reference: Map<string, string[]>,
): Mismatch[] {
  const mismatches: Mismatch[] = [];
  const paths = [...new Set([...ours.keys(), ...reference.keys()])].sort();
  for (const path of paths) {
    const left = ours.get(path);
    const right = reference.get(path);
    if (describeList(left) === describeList(right)) continue;
    mismatches.push({
      key: `${prefix} ${path || '(root)'}`,
      detail: `ours ${describeList(left)}, reference ${describeList(right)}`,
    });
  }
  return mismatches;
}

function compareSchemas(prefix: string, ours: SchemaFacts, reference: SchemaFacts): Mismatch[] {
  return [
    ...compareFactMaps(`${prefix} properties`, ours.properties, reference.properties),
    ...compareFactMaps(`${prefix} required`, ours.required, reference.required),
    ...compareFactMaps(`${prefix} enum`, ours.enums, reference.enums),
  ];
}

function compareParameters(operationKey: string, ours: OperationFacts, reference: OperationFacts) {
  const mismatches: Mismatch[] = [];
  const names = [...new Set([...ours.parameters.keys(), ...reference.parameters.keys()])].sort();
  for (const name of names) {
    const left = ours.parameters.get(name);
    const right = reference.parameters.get(name);
    const describe = (facts?: ParameterFacts) =>
      facts ? `required=${facts.required} type=${facts.type}` : 'absent';
    if (describe(left) === describe(right)) continue;
    mismatches.push({
      key: `${operationKey} parameter ${name}`,
      detail: `ours ${describe(left)}, reference ${describe(right)}`,
    });
  }
  return mismatches;
}

function compareStatusCodes(operationKey: string, ours: string[], reference: string[]) {
  const mismatches: Mismatch[] = [];
  for (const code of reference.filter((code) => !ours.includes(code))) {
    mismatches.push({ key: `${operationKey} status ${code}`, detail: 'only in the reference' });
  }
  for (const code of ours.filter((code) => !reference.includes(code))) {
    mismatches.push({ key: `${operationKey} status ${code}`, detail: 'only in ours' });
  }
  return mismatches;
}

/**
 * Compares every operation of `ours` with the reference operation of the same
 * method and path: parameters, status codes, and the required fields and
 * enums of the JSON request body and success response.
 */
export function compareWithReference(
  ours: JsonDocument,
  references: Map<string, JsonDocument>,
): Mismatch[] {
  const mismatches: Mismatch[] = [];
  for (const { path, method } of listOperations(ours)) {
    const operationKey = `${method.toUpperCase()} ${path}`;
    const ourFacts = readOperation(ours, path, method);
    const match = [...references.values()]
      .map((document) => ({ document, facts: readOperation(document, path, method) }))
      .find((candidate) => candidate.facts !== undefined);
    if (!ourFacts || !match?.facts) {
      mismatches.push({ key: `${operationKey} operation`, detail: 'not in any reference file' });
      continue;
    }
    const referenceFacts = match.facts;
    mismatches.push(
      ...compareParameters(operationKey, ourFacts, referenceFacts),
      ...compareStatusCodes(operationKey, ourFacts.statusCodes, referenceFacts.statusCodes),
      ...compareSchemas(
        `${operationKey} request`,
        collectSchemaFacts(ours, ourFacts.requestSchema),
        collectSchemaFacts(match.document, referenceFacts.requestSchema),
      ),
      ...compareSchemas(
        `${operationKey} response`,
        collectSchemaFacts(ours, ourFacts.successSchema),
        collectSchemaFacts(match.document, referenceFacts.successSchema),
      ),
    );
  }
  return mismatches;
}

/** Splits mismatches into those the allowlist explains and those it does not. */
export function applyAllowlist(mismatches: Mismatch[], allowlist: AllowedMismatch[]) {
  const matches = (entry: AllowedMismatch, key: string) =>
    typeof entry.key === 'string' ? entry.key === key : entry.key.test(key);
  const unexpected = mismatches.filter(
    (mismatch) => !allowlist.some((entry) => matches(entry, mismatch.key)),
  );
  const unusedEntries = allowlist.filter(
    (entry) => !mismatches.some((mismatch) => matches(entry, mismatch.key)),
  );
  return { unexpected, unusedEntries };
}
