import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintDocument } from '../scripts/document.mjs';

describe('OpenAPI lint', () => {
  it('finds no problems in the document', async () => {
    const problems = await lintDocument();

    expect(problems, 'Run `pnpm --filter @hm-sdk/openapi lint` for details').toEqual([]);
  });

  it('reports problems in a broken document', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hm-openapi-lint-'));
    const brokenPath = join(dir, 'broken.yaml');
    // No license, no servers, and an operation without operationId or 4xx response.
    await writeFile(
      brokenPath,
      [
        'openapi: 3.0.3',
        'info: { title: Broken, version: "1" }',
        'paths:',
        '  /things:',
        '    get:',
        '      responses:',
        "        '200': { description: ok }",
        '',
      ].join('\n'),
    );

    try {
      const problems = await lintDocument(brokenPath);

      expect(problems.some((line) => line.includes('operation-operationId'))).toBe(true);
      expect(problems.some((line) => line.includes('operation-4xx-response'))).toBe(true);
      expect(problems.some((line) => line.includes('info-license'))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
