import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const demoRoot = join(import.meta.dirname, '..');

interface Size {
  bytes: number;
  gzipBytes: number;
}

interface SizeReport {
  total: Size;
  javascript: Size;
  chunks: Record<'app' | 'sdk' | 'mock' | 'css', Size>;
  sdkAlone: Size;
  sdkShare: { ofJavaScript: number; ofTotal: number };
  files: Array<Size & { file: string; chunk: string }>;
}

describe('size report', () => {
  it('splits the build into app, SDK and mock', async () => {
    const { stdout } = await promisify(execFile)('node', ['scripts/size-report.mjs'], {
      cwd: demoRoot,
    });
    const report = JSON.parse(stdout) as SizeReport;
    // Kept beside the screenshots as a test artefact.
    await mkdir(join(demoRoot, 'test-results'), { recursive: true });
    await writeFile(join(demoRoot, 'test-results', 'size-report.json'), stdout);

    const totalOfFiles = report.files.reduce((total, file) => total + file.bytes, 0);
    expect(report.total.bytes).toBe(totalOfFiles);
    for (const chunk of ['app', 'sdk', 'mock', 'css'] as const) {
      expect(report.chunks[chunk].bytes).toBeGreaterThan(0);
    }
    expect(report.sdkShare.ofJavaScript).toBeGreaterThan(0);
    expect(report.sdkShare.ofJavaScript).toBeLessThan(1);
    // The chunk also contains modules the SDK shares with the mock, so it is at least the SDK alone.
    expect(report.chunks.sdk.bytes).toBeGreaterThanOrEqual(report.sdkAlone.bytes);

    // The SDK chunk must not carry the mock: msw's worker setup lives in the mock chunk only.
    const sdkFile = report.files.find((file) => file.chunk === 'sdk');
    const mockFile = report.files.find((file) => file.chunk === 'mock');
    expect(sdkFile).toBeDefined();
    expect(mockFile).toBeDefined();
    const sdkCode = await readFile(join(demoRoot, 'dist', sdkFile?.file ?? ''), 'utf8');
    const mockCode = await readFile(join(demoRoot, 'dist', mockFile?.file ?? ''), 'utf8');
    expect(mockCode).toContain('INTEGRITY_CHECK_REQUEST');
    expect(sdkCode).not.toContain('INTEGRITY_CHECK_REQUEST');
  });
});
