import type { UserConfig } from 'vitest/config';

/** Builds a package's vitest config from the shared preset, merged with `overrides`. */
export function definePackageConfig(overrides?: UserConfig): UserConfig;
