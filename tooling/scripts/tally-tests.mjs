#!/usr/bin/env node
// Adds up the vitest JSON reports of every workspace package and prints one line,
// `N passed, N failed, N skipped`. Exits non-zero when a test failed or none ran.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const groups = ['packages', 'apps', 'tooling'];
let passed = 0;
let failed = 0;
let skipped = 0;
let reports = 0;

for (const group of groups) {
  const groupDir = join(root, group);
  if (!existsSync(groupDir)) continue;
  for (const name of readdirSync(groupDir)) {
    const report = join(groupDir, name, 'test-results', 'vitest.json');
    if (!existsSync(report)) continue;
    const data = JSON.parse(readFileSync(report, 'utf8'));
    reports += 1;
    passed += data.numPassedTests ?? 0;
    failed += data.numFailedTests ?? 0;
    // A file that fails to load has no test results of its own, so count it once.
    for (const file of data.testResults ?? []) {
      if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed += 1;
    }
    skipped += (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0);
  }
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
if (reports === 0 || passed + failed === 0) {
  console.error('No test report was found: did the test command run?');
  process.exit(1);
}
process.exit(failed > 0 ? 1 : 0);
