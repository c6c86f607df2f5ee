import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from '../../src/index.js';

// ajv-formats is CommonJS: the default import is its `module.exports`, and the
// plugin function sits on `.default`.
const addFormats = addFormatsModule.default;

/** Validates values against the named schemas of an OpenAPI 3.0 document. */
export interface SchemaValidator {
  /** Returns the validation errors of `value` against `components.schemas[name]`, empty when valid. */
  errors(name: string, value: unknown): string[];
}

function formatError(error: ErrorObject): string {
  return `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}`;
}

/**
 * Compiles the document's schemas with Ajv. OpenAPI 3.0 keywords that JSON
 * Schema lacks (`example`, `deprecated`) are ignored, because `strict` is off.
 */
export function createSchemaValidator(document: OpenApiDocument): SchemaValidator {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ components: document.components }, 'hm');
  return {
    errors(name, value) {
      const validate = ajv.getSchema(`hm#/components/schemas/${name}`);
      if (!validate) throw new Error(`No schema named ${name} in the document`);
      return validate(value) ? [] : (validate.errors ?? []).map(formatError);
    },
  };
}
