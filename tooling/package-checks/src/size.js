import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * @typedef {object} BrowserBundle
 * @property {string} label name in the report
 * @property {string[]} specifiers entries the bundle imports in full
 * @property {number} [gzipBudgetBytes] gzipped size of what loads with the import that the bundle
 *   must stay within; the size report and the tests fail above it
 * @property {UsageScenario[]} [scenarios] kinds of app whose download before the first API call
 *   the report adds up: the import plus the on-demand chunks that such an app loads at startup
 */

/**
 * @typedef {object} UsageScenario
 * @property {string} label kind of app, as the report prints it
 * @property {string[]} chunks ends of the `label`s of the on-demand chunks the app loads before
 *   its first API call, such as `token/provider-state.js`
 */

/**
 * @typedef {object} Contribution
 * @property {string} source package (or file) that the bytes come from
 * @property {number} bytes minified bytes in the output
 */

/**
 * @typedef {object} ChunkSize
 * @property {string} label the module that starts the chunk, such as `packages/auth credentials/key-signer.js`
 * @property {number} minifiedBytes size of the minified chunk
 * @property {number} gzipBytes size of the chunk after gzip at level 9
 * @property {Contribution[]} contributions minified bytes per package, largest first
 */

/**
 * @typedef {object} BundleSize
 * @property {number} minifiedBytes minified size of what loads with the import: the entry chunk
 *   and the chunks it imports statically
 * @property {number} gzipBytes the same files, each gzipped at level 9, summed (the budget counts this)
 * @property {Contribution[]} contributions minified bytes per package in those files, largest first
 * @property {ChunkSize[]} onDemand chunks that load only when a feature first runs (`import()`)
 * @property {number} totalGzipBytes gzipped size of every chunk, loaded at once or on demand
 */

/**
 * The public browser entries that the size report measures, where 1 kB is 1,000 bytes. The
 * combined bundle of auth and client has a budget of 15 kB gzipped.
 *
 * @type {BrowserBundle[]}
 */
export const browserBundles = [
  { label: '@hm-sdk/auth', specifiers: ['@hm-sdk/auth'] },
  { label: '@hm-sdk/client', specifiers: ['@hm-sdk/client'] },
  {
    label: '@hm-sdk/auth + @hm-sdk/client',
    specifiers: ['@hm-sdk/auth', '@hm-sdk/client'],
    // The budget counts what loads with the import. The private key code, the token provider
    // code, openapi-fetch and the bulk runner load on demand, and the report lists them. The
    // scenarios add up what each kind of app downloads before its first call.
    gzipBudgetBytes: 15_000,
    scenarios: [
      { label: 'an app with its own token provider', chunks: [] },
      { label: 'an app with a client secret', chunks: ['token/provider-state.js'] },
      {
        label: 'an app with a private key',
        chunks: ['token/provider-state.js', 'credentials/key-signer.js'],
      },
    ],
  },
  {
    label: '@hm-sdk/mock-server/browser (includes msw)',
    specifiers: ['@hm-sdk/mock-server/browser'],
  },
  {
    label: '@hm-sdk/mock-server + /browser (what a page with the mock loads)',
    specifiers: ['@hm-sdk/mock-server', '@hm-sdk/mock-server/browser'],
  },
];

/**
 * Names the package a bundled file comes from: the package folder for workspace packages, the
 * package name for files under `node_modules`.
 *
 * @param {string} path input path as esbuild reports it in the metafile
 * @returns {string}
 */
export function sourcePackage(path) {
  const dependency = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/);
  if (dependency?.[1] !== undefined) return dependency[1];
  const workspace = path.match(/(?:^|\/)((?:packages|apps)\/[^/]+)\//);
  return workspace?.[1] ?? path;
}

/**
 * Sums the minified bytes of output inputs per source package.
 *
 * @param {Record<string, { bytesInOutput: number }>[]} inputMaps `inputs` of esbuild outputs
 * @returns {Contribution[]}
 */
function contributionsOf(inputMaps) {
  /** @type {Map<string, number>} */
  const bytesBySource = new Map();
  for (const inputs of inputMaps) {
    for (const [path, input] of Object.entries(inputs)) {
      if (input.bytesInOutput === 0) continue;
      const source = sourcePackage(path);
      bytesBySource.set(source, (bytesBySource.get(source) ?? 0) + input.bytesInOutput);
    }
  }
  return [...bytesBySource]
    .map(([source, bytes]) => ({ source, bytes }))
    .sort((left, right) => right.bytes - left.bytes);
}

/**
 * Bundles entries for browsers the way an app bundler would (ESM, browser conditions, minified,
 * with code splitting) and measures the result. Every export of each entry is kept, so the size
 * is what an app pays when it uses all of the entry. An app that imports less gets less after
 * tree shaking. Code behind a dynamic `import()` lands in chunks of its own, which are reported
 * under `onDemand`, apart from what loads with the import itself.
 *
 * @param {string[]} specifiers package entries, such as `@hm-sdk/auth`
 * @param {string} resolveDir folder whose `node_modules` resolves the entries
 * @returns {Promise<BundleSize>}
 */
export async function measureBundle(specifiers, resolveDir) {
  const contents = specifiers
    .map((specifier, index) => `export * as entry${index} from '${specifier}';`)
    .join('\n');
  const result = await build({
    stdin: { contents, resolveDir, loader: 'js', sourcefile: 'size-entry.js' },
    absWorkingDir: resolveDir,
    // Nothing is written; the folder only names the output files.
    outdir: join(resolveDir, 'size-output'),
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const entryPath = Object.keys(outputs).find(
    (path) => outputs[path]?.entryPoint === 'size-entry.js',
  );
  if (entryPath === undefined)
    throw new Error(`esbuild wrote no output for ${specifiers.join(', ')}`);

  // What loads with the import: the entry chunk and everything it imports statically.
  const eager = new Set([entryPath]);
  for (const path of eager) {
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind === 'import-statement') eager.add(imported.path);
    }
  }
  /** @type {Map<string, Uint8Array>} */
  const contentsByPath = new Map(
    result.outputFiles.map((file) => [relative(resolveDir, file.path), file.contents]),
  );
  const gzipOf = (/** @type {string} */ path) =>
    gzipSync(contentsByPath.get(path) ?? new Uint8Array(), { level: 9 }).byteLength;
  const eagerPaths = [...eager];
  const onDemand = Object.keys(outputs)
    .filter((path) => !eager.has(path))
    .map((path) => {
      const meta = /** @type {import('esbuild').Metafile['outputs'][string]} */ (outputs[path]);
      return {
        label: meta.entryPoint === undefined ? path : sourceLabel(meta.entryPoint),
        minifiedBytes: meta.bytes,
        gzipBytes: gzipOf(path),
        contributions: contributionsOf([meta.inputs]),
      };
    })
    .sort((left, right) => right.gzipBytes - left.gzipBytes);
  const gzipBytes = eagerPaths.reduce((sum, path) => sum + gzipOf(path), 0);

  return {
    minifiedBytes: eagerPaths.reduce((sum, path) => sum + (outputs[path]?.bytes ?? 0), 0),
    gzipBytes,
    contributions: contributionsOf(eagerPaths.map((path) => outputs[path]?.inputs ?? {})),
    onDemand,
    totalGzipBytes: gzipBytes + onDemand.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
  };
}

/**
 * Shortens the path of a chunk's first module to its package and the file in it.
 *
 * @param {string} path input path as esbuild reports it
 * @returns {string}
 */
export function sourceLabel(path) {
  const source = sourcePackage(path);
  const file = path.slice(path.lastIndexOf(source) + source.length).replace(/^\/(dist\/)?/, '');
  return source === path ? path : `${source} ${file}`;
}

/**
 * Adds up what an app of a scenario downloads before its first API call: the import and the
 * named on-demand chunks.
 *
 * @param {BundleSize} size measured bundle
 * @param {UsageScenario} scenario kind of app
 * @returns {number} gzipped bytes
 * @throws Error when a named chunk is not among the on-demand chunks, so a renamed file cannot
 *   silently drop out of the sum
 */
export function scenarioGzipBytes(size, scenario) {
  let bytes = size.gzipBytes;
  for (const name of scenario.chunks) {
    const chunk = size.onDemand.find((candidate) => candidate.label.endsWith(name));
    if (chunk === undefined) {
      const labels = size.onDemand.map((candidate) => candidate.label).join(', ');
      throw new Error(`No on-demand chunk ends with ${name}; the chunks are: ${labels}.`);
    }
    bytes += chunk.gzipBytes;
  }
  return bytes;
}
