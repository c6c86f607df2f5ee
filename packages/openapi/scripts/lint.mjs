#!/usr/bin/env node
// Lints openapi/*.yaml with Redocly's strict rules and exits 1 on any finding.
import { lintDocument } from './document.mjs';

const problems = await lintDocument();
for (const line of problems) console.error(line);

if (problems.length > 0) {
  console.error(`${problems.length} problem(s) in the OpenAPI document. Fix them in openapi/.`);
  process.exitCode = 1;
} else {
  console.log('The OpenAPI document has no lint problems.');
}
