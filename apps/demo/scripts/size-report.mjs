// Prints the size of the demo's production build as JSON, with the SDK's share of it.
// Run after `vite build`: node scripts/size-report.mjs
//
// Two numbers for the SDK:
// - `chunks.sdk`: the chunk vite.config.ts gives the SDK and everything it imports. jose is
//   shared with the mock and counts here, so the figure is an upper bound.
// - `sdkAlone`: a separate minified build of only the SDK functions the page calls, which is
//   what an app without the mock would ship for the same flow.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const demoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(demoRoot, 'dist');

/** The SDK functions the demo imports; the standalone build keeps exactly these. */
const sdkEntry = [
  "export { createCredentials, createTokenProvider, parseCredentialsJson } from '@hm-sdk/auth';",
  "export { createHmClient } from '@hm-sdk/client';",
].join('\n');

function measure(content) {
  return { bytes: content.length, gzipBytes: gzipSync(content).length };
}

function sum(sizes) {
  return sizes.reduce(
    (total, size) => ({
      bytes: total.bytes + size.bytes,
      gzipBytes: total.gzipBytes + size.gzipBytes,
    }),
    { bytes: 0, gzipBytes: 0 },
  );
}

function ratio(part, whole) {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;
}

function listFiles(directory) {
  return readdirSync(directory, { recursive: true })
    .map((name) => join(directory, name))
    .filter((path) => statSync(path).isFile() && !path.includes(`${join(distDir, '.vite')}`));
}

/** Maps each built file to its chunk name from Vite's manifest: index, sdk or mock. */
function chunkNames() {
  const manifestPath = join(distDir, '.vite', 'manifest.json');
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${manifestPath}: run "vite build" first.`, { cause: error });
  }
  const names = new Map();
  for (const entry of Object.values(manifest)) {
    names.set(entry.file, entry.name ?? 'other');
    for (const css of entry.css ?? []) names.set(css, 'css');
  }
  return names;
}

async function buildSdkAlone() {
  const virtualId = '\0sdk-entry.js';
  const output = await build({
    configFile: false,
    root: demoRoot,
    logLevel: 'silent',
    build: {
      write: false,
      target: 'es2022',
      rollupOptions: { input: 'sdk-entry', preserveEntrySignatures: 'exports-only' },
    },
    plugins: [
      {
        name: 'sdk-entry',
        resolveId: (id) => (id === 'sdk-entry' ? virtualId : undefined),
        load: (id) => (id === virtualId ? sdkEntry : undefined),
      },
    ],
  });
  const outputs = Array.isArray(output) ? output : [output];
  const chunks = outputs.flatMap((result) => result.output).filter((item) => item.type === 'chunk');
  return sum(chunks.map((chunk) => measure(Buffer.from(chunk.code))));
}

const names = chunkNames();
const files = listFiles(distDir).map((path) => {
  const file = relative(distDir, path).split('\\').join('/');
  const chunk = names.get(file) ?? (file.endsWith('.html') ? 'html' : 'static');
  return { file, chunk, ...measure(readFileSync(path)) };
});

const byChunk = (chunk) => sum(files.filter((file) => file.chunk === chunk));
const total = sum(files);
const javascript = sum(
  files.filter((file) => file.file.endsWith('.js') && file.chunk !== 'static'),
);
const sdk = byChunk('sdk');
const sdkAlone = await buildSdkAlone();

const report = {
  total,
  javascript,
  chunks: { app: byChunk('index'), sdk, mock: byChunk('mock'), css: byChunk('css') },
  sdkAlone,
  // Shares of the gzip sizes, as fractions from 0 to 1.
  sdkShare: {
    ofJavaScript: ratio(sdk.gzipBytes, javascript.gzipBytes),
    ofTotal: ratio(sdk.gzipBytes, total.gzipBytes),
  },
  files,
};
console.log(JSON.stringify(report, null, 2));
