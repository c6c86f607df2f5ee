import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/index.js';
import { deliberateMismatches } from './conformance-allowlist.js';
import { applyAllowlist, compareWithReference, type Mismatch } from './support/conformance.js';
import {
  loadReferenceDocuments,
  referenceAvailable,
  referenceSkipReason,
} from './support/reference.js';

const reportPath = fileURLToPath(
  new URL('../test-results/conformance-report.txt', import.meta.url),
);

function entryFor(mismatch: Mismatch) {
  return deliberateMismatches.find((entry) =>
    typeof entry.key === 'string' ? entry.key === mismatch.key : entry.key.test(mismatch.key),
  );
}

/** Prints every mismatch, except that bulk allowlist entries print one summary line each. */
function printReport(mismatches: Mismatch[]): void {
  const lines = mismatches.map((mismatch) => {
    const entry = entryFor(mismatch);
    return `${entry ? 'deliberate' : 'UNEXPECTED'} ${mismatch.key}: ${mismatch.detail}`;
  });
  mkdirSync(join(reportPath, '..'), { recursive: true });
  writeFileSync(reportPath, `${lines.join('\n')}\n`);

  const shown = mismatches.filter((mismatch) => !entryFor(mismatch)?.bulk);
  for (const mismatch of shown) {
    const entry = entryFor(mismatch);
    console.log(`${entry ? 'deliberate' : 'UNEXPECTED'} ${mismatch.key}: ${mismatch.detail}`);
  }
  for (const entry of deliberateMismatches.filter((candidate) => candidate.bulk)) {
    const count = mismatches.filter((mismatch) => entryFor(mismatch) === entry).length;
    console.log(`deliberate ${count} mismatches matching ${entry.key}; listed in ${reportPath}`);
  }
}

const title = referenceAvailable
  ? 'conformance with the reference files'
  : `conformance with the reference files (${referenceSkipReason})`;

// The reference files live outside the repository, so a checkout without them skips this suite.
describe.skipIf(!referenceAvailable)(title, () => {
  it('has only deliberate mismatches', () => {
    const mismatches = compareWithReference(openApiDocument, loadReferenceDocuments());
    printReport(mismatches);

    const { unexpected } = applyAllowlist(mismatches, deliberateMismatches);
    const listing = unexpected.map((mismatch) => `${mismatch.key}: ${mismatch.detail}`);
    expect(listing, 'Fix the document, or add the mismatch with a reason to the allowlist').toEqual(
      [],
    );
  });

  it('has no stale allowlist entries', () => {
    const mismatches = compareWithReference(openApiDocument, loadReferenceDocuments());
    const { unusedEntries } = applyAllowlist(mismatches, deliberateMismatches);
    expect(unusedEntries.map((entry) => String(entry.key))).toEqual([]);
  });

  it('covers every operation of the document', () => {
    const mismatches = compareWithReference(openApiDocument, loadReferenceDocuments());
    const missing = mismatches.filter((mismatch) => mismatch.key.endsWith(' operation'));
    expect(missing).toEqual([]);
  });
});
