import { fileURLToPath } from 'node:url';

/** Root of the monorepo; this file sits in tooling/bench/src or tooling/bench/dist. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Root of this package, tooling/bench. */
export const benchRoot = fileURLToPath(new URL('../', import.meta.url));
