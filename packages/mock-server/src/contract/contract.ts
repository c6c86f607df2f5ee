import {
  createRefResolver,
  type RefResolver,
  type Schema,
  type ValidationIssue,
  validateSchema,
} from './schema-validator.js';

/** The parts of an OpenAPI document the contract checks read. */
export interface ContractDocument {
  paths: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/** An operation of the document that matched a request. */
export interface OperationMatch {
  /** Path template as the document writes it, for example `/v1/fleets/vehicles/{vin}`. */
  pathTemplate: string;
  method: string;
  operation: Record<string, unknown>;
}

/** A response to check with {@link Contract.validateResponse}. */
export interface ResponseToValidate {
  method: string;
  /** URL path of the request, for example `/v1/fleets/vehicles/EXVETESTV1N000001`. */
  path: string;
  status: number;
  /** `content-type` header of the response, if any. */
  contentType: string | null;
  /** Raw response body text. */
  body: string;
}

/** Checks requests and responses against one OpenAPI document. */
export interface Contract {
  /** Finds the operation for a method and URL path, or undefined when the document has none. */
  findOperation(method: string, path: string): OperationMatch | undefined;
  /**
   * Validates a parsed request body against the operation's schema for `contentType`. Returns
   * undefined when the document describes no body for that operation.
   */
  validateRequestBody(
    method: string,
    path: string,
    contentType: string,
    body: unknown,
  ): ValidationIssue[] | undefined;
  /** Validates a response; returns the list of problems, empty when it matches the document. */
  validateResponse(response: ResponseToValidate): string[];
}

interface CompiledPath {
  template: string;
  pattern: RegExp;
  item: Record<string, unknown>;
}

function compilePaths(document: ContractDocument): CompiledPath[] {
  return Object.entries(document.paths).map(([template, item]) => {
    const source = template
      .split(/(\{[^}]+\})/)
      .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
      .join('');
    return { template, pattern: new RegExp(`^${source}$`), item };
  });
}

/** Returns the media type of a `Content-Type` header, lowercased and without parameters. */
export function mediaTypeOf(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function pickResponse(
  responses: Record<string, unknown>,
  status: number,
): Record<string, unknown> | undefined {
  const key = [String(status), `${String(status)[0]}XX`, 'default'].find(
    (candidate) => candidate in responses,
  );
  return key === undefined ? undefined : (responses[key] as Record<string, unknown>);
}

function schemaFor(
  holder: Record<string, unknown> | undefined,
  mediaType: string,
): { schema: Schema | undefined; documented: string[] } {
  const content = (holder?.content ?? {}) as Record<string, { schema?: Schema }>;
  return { schema: content[mediaType]?.schema, documented: Object.keys(content) };
}

/** Creates the request and response checks for an OpenAPI 3.0 document. */
export function createContract(document: ContractDocument): Contract {
  const resolve: RefResolver = createRefResolver(document);
  const paths = compilePaths(document);
  const deref = (node: unknown): Record<string, unknown> | undefined => {
    const record = node as Record<string, unknown> | undefined;
    if (typeof record?.$ref === 'string') return resolve(record.$ref);
    return record;
  };

  const findOperation = (method: string, path: string): OperationMatch | undefined => {
    const lower = method.toLowerCase();
    for (const candidate of paths) {
      const operation = candidate.item[lower];
      if (candidate.pattern.test(path) && operation && typeof operation === 'object') {
        return {
          pathTemplate: candidate.template,
          method: lower,
          operation: operation as Record<string, unknown>,
        };
      }
    }
    return undefined;
  };

  return {
    findOperation,
    validateRequestBody(method, path, contentType, body) {
      const match = findOperation(method, path);
      const requestBody = deref(match?.operation.requestBody);
      const { schema } = schemaFor(requestBody, mediaTypeOf(contentType));
      return schema ? validateSchema(schema, body, resolve) : undefined;
    },
    validateResponse(response) {
      const label = `${response.method.toUpperCase()} ${response.path} ${response.status}`;
      const match = findOperation(response.method, response.path);
      if (!match) return [`${label}: the document has no operation for this method and path`];
      const responses = (match.operation.responses ?? {}) as Record<string, unknown>;
      const documented = deref(pickResponse(responses, response.status));
      if (!documented) {
        return [
          `${label}: status ${response.status} is not documented for ${match.method.toUpperCase()} ${match.pathTemplate}`,
        ];
      }
      const mediaType = mediaTypeOf(response.contentType);
      const { schema, documented: mediaTypes } = schemaFor(documented, mediaType);
      if (mediaTypes.length === 0) return [];
      if (!schema) {
        return [
          `${label}: content type "${mediaType}" is not documented; expected ${mediaTypes.join(' or ')}`,
        ];
      }
      let body: unknown;
      try {
        body = JSON.parse(response.body);
      } catch {
        return [`${label}: the body is not valid JSON`];
      }
      return validateSchema(schema, body, resolve).map((issue) => `${label}: ${issue.message}`);
    },
  };
}
