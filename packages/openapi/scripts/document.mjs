// Loads, bundles and lints the OpenAPI document of the package with
// @redocly/openapi-core. The document is split over several YAML files in
// openapi/; bundling inlines them into one document whose schemas all sit
// under components/schemas, named after the last segment of each $ref.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, createConfig, lint } from '@redocly/openapi-core';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));
export const rootDocumentPath = join(packageDir, 'openapi', 'high-mobility.yaml');

/**
 * Lint rules: Redocly's strict recommended set, in which every finding is an
 * error. The config is inline, rather than a redocly.yaml file, so that
 * loading it reads no user files.
 */
const lintConfig = {
  extends: ['recommended-strict'],
  rules: {
    // Rules outside the recommended set that this document also meets.
    'operation-description': 'error',
    'tag-description': 'error',
    'no-invalid-schema-examples': 'error',
    'no-invalid-media-type-examples': 'error',
  },
};

async function loadLintConfig() {
  return createConfig(lintConfig);
}

/** Bundles the split YAML files into one document object; throws when a $ref cannot be resolved. */
export async function bundleDocument() {
  const config = await loadLintConfig();
  const result = await bundle({ ref: rootDocumentPath, config, dereference: false });
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    throw new Error(
      `Bundling ${rootDocumentPath} failed: ${errors.map(formatProblem).join('; ')}. ` +
        'Fix the $ref targets in openapi/.',
    );
  }
  return result.bundle.parsed;
}

/** Formats one lint or bundle problem as `rule at file#pointer: message`. */
export function formatProblem(problem) {
  const location = problem.location?.[0];
  const where = location ? `${location.source.absoluteRef}#${location.pointer ?? ''}` : 'document';
  return `${problem.ruleId} at ${where}: ${problem.message}`;
}

/**
 * Lint findings accepted on purpose, keyed by rule id and JSON pointer, with
 * the reason.
 */
export const acceptedLintFindings = new Map([
  [
    'no-unused-components #/components/schemas/ClearanceFilter',
    'The filter travels as a JSON string in a query parameter, so no operation refers to ' +
      'the schema. It is kept so that clients can type the object before encoding it.',
  ],
]);

/** Lints a document (by default the package's) and returns each finding not accepted above, formatted. */
export async function lintDocument(ref = rootDocumentPath) {
  const config = await loadLintConfig();
  const problems = await lint({ ref, config });
  return problems
    .filter((problem) => !acceptedLintFindings.has(findingKey(problem)))
    .map((problem) => `${problem.severity} ${formatProblem(problem)}`);
}

function findingKey(problem) {
  return `${problem.ruleId} ${problem.location?.[0]?.pointer ?? ''}`;
}
