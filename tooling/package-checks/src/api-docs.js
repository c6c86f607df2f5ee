import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Application, OptionDefaults, TSConfigReader } from 'typedoc';
import { findPublicPackages, typedEntries } from './workspace.js';

/**
 * Conversion options shared by every package. openapi-typescript writes `@description` tags into
 * the generated schema, so the tag is declared here. Source links are off because TypeDoc builds
 * them from the git remote `origin`, which a local or CI checkout may not have.
 *
 * @type {Partial<import('typedoc').TypeDocOptions>}
 */
const conversionOptions = {
  blockTags: [...OptionDefaults.blockTags, '@description'],
  disableSources: true,
  skipErrorChecking: true,
  treatWarningsAsErrors: true,
};

/**
 * Tells whether TypeDoc logged an error or a warning. Warnings count because the reference must
 * build without them.
 *
 * @param {Application} app
 * @returns {boolean}
 */
function hasProblems(app) {
  return app.logger.hasErrors() || app.logger.hasWarnings();
}

/**
 * Converts one package to TypeDoc's JSON model, with one module per typed `exports` entry, named
 * as an importer writes it (`@hm-sdk/auth/node`).
 *
 * @param {import('./workspace.js').PublicPackage} pkg
 * @param {string} jsonPath where the JSON model is written
 * @returns {Promise<boolean>} whether TypeDoc logged no error and no warning
 */
async function convertPackage(pkg, jsonPath) {
  const entries = typedEntries(pkg);
  const readme = join(pkg.dir, 'README.md');
  const app = await Application.bootstrap(
    {
      ...conversionOptions,
      name: pkg.name,
      entryPoints: entries.map((entry) => join(pkg.dir, entry.source)),
      tsconfig: join(pkg.dir, 'tsconfig.json'),
      readme: existsSync(readme) ? readme : 'none',
      // Links are checked once, on the merged reference: a link from one package to another
      // (client to a schema type of openapi) only resolves there. TypeDoc's own packages mode
      // turns this check off per package for the same reason.
      validation: { notExported: true, invalidLink: false, unusedMergeModuleWith: false },
    },
    [new TSConfigReader()],
  );
  const entryPoints = app.getEntryPoints() ?? [];
  for (const entryPoint of entryPoints) {
    const entry = entries.find((candidate) =>
      entryPoint.sourceFile.fileName.endsWith(`/${candidate.source}`),
    );
    if (entry !== undefined) entryPoint.displayName = entry.specifier;
  }
  const project = app.converter.convert(entryPoints);
  app.validate(project);
  await app.generateJson(project, jsonPath);
  return !hasProblems(app);
}

/**
 * Builds the HTML API reference of every public package that has typed entries, from the TSDoc
 * comments in their sources. Every package is converted and the HTML is written even when
 * TypeDoc warns, so one run lists all warnings, and then the call rejects.
 *
 * @param {{ out: string; landingPage: string }} options output folder and the Markdown page
 *   shown on the reference's front page
 * @returns {Promise<string[]>} the packages that were documented
 */
export async function buildApiReference({ out, landingPage }) {
  const packages = (await findPublicPackages()).filter((pkg) => typedEntries(pkg).length > 0);
  const jsonDir = await mkdtemp(join(tmpdir(), 'hm-sdk-api-json-'));
  try {
    const jsonFiles = [];
    const packagesWithWarnings = [];
    for (const pkg of packages) {
      const jsonPath = join(jsonDir, `${pkg.name.replace(/[@/]/g, '_')}.json`);
      if (!(await convertPackage(pkg, jsonPath))) packagesWithWarnings.push(pkg.name);
      jsonFiles.push(jsonPath);
    }
    const app = await Application.bootstrap(
      {
        name: 'hm-sdk API reference',
        entryPointStrategy: 'merge',
        entryPoints: jsonFiles,
        readme: landingPage,
        treatWarningsAsErrors: true,
      },
      [],
    );
    const project = await app.convert();
    if (project === undefined) throw new Error('TypeDoc could not merge the package models.');
    app.validate(project);
    await app.generateDocs(project, out);
    if (hasProblems(app)) packagesWithWarnings.push('the merged reference');
    if (packagesWithWarnings.length > 0) {
      throw new Error(
        `TypeDoc warned while documenting ${packagesWithWarnings.join(', ')}; the reference in ${out} is incomplete until the warnings above are fixed.`,
      );
    }
    return packages.map((pkg) => pkg.name);
  } finally {
    await rm(jsonDir, { recursive: true, force: true });
  }
}
