import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** A parsed OpenAPI or Swagger document, navigated with JSON pointers. */
export type JsonDocument = Record<string, unknown>;

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));

/**
 * Folder of the public High Mobility OpenAPI files. It sits beside the
 * repository (`../shared/reference/high-mobility-openapi`) on developer
 * machines and in CI, but not in every checkout, so tests that need it skip
 * when it is missing.
 */
export const referenceDir = resolve(repoRoot, '..', 'shared', 'reference', 'high-mobility-openapi');

export const referenceAvailable = existsSync(referenceDir);

/** Explains a skipped test in its name, so the skip shows up in the test report. */
export const referenceSkipReason = `skipped: reference files not found at ${referenceDir}`;

/** Loads every reference YAML file, keyed by file name. */
export function loadReferenceDocuments(): Map<string, JsonDocument> {
  const documents = new Map<string, JsonDocument>();
  for (const name of readdirSync(referenceDir).sort()) {
    if (!name.endsWith('.yml') && !name.endsWith('.yaml')) continue;
    documents.set(name, parse(readFileSync(join(referenceDir, name), 'utf8')) as JsonDocument);
  }
  return documents;
}

/** Reads a JSON file from the reference folder. */
export function loadReferenceJson(name: string): unknown {
  return JSON.parse(readFileSync(join(referenceDir, name), 'utf8'));
}
