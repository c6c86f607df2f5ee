import { createRequire } from 'node:module';

/** Reads the version of the msw that this package imports, or `undefined` when that fails. */
function installedMswVersion(): string | undefined {
  try {
    const manifest = createRequire(import.meta.url)('msw/package.json') as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks that the installed msw can run on this Node.js. msw 3 needs Node.js 22.12 or newer. On
 * Node.js 20 it fails each intercepted request with `Promise.withResolvers is not a function`,
 * so this check names the cause before any request is made.
 *
 * @throws Error naming both versions and the two ways out, for msw 3 on a Node.js without
 *   `Promise.withResolvers`.
 */
export function assertMswRuntime(
  version: string | undefined = installedMswVersion(),
  hasWithResolvers: boolean = typeof (Promise as { withResolvers?: unknown }).withResolvers ===
    'function',
): void {
  const major = Number.parseInt(version ?? '', 10);
  if (hasWithResolvers || !(major >= 3)) return;
  throw new Error(
    `msw ${version} needs Node.js 22.12 or newer, but this is Node.js ${process.versions.node}. Run on Node.js 22.12+, or install msw 2 (npm install --save-dev msw@^2.7.0).`,
  );
}
