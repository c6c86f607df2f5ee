import type { Profile } from '../config/store.js';
import { usageError } from '../errors.js';

/**
 * Destination of API calls: a named High Mobility environment, a base URL, or a mock started
 * inside this process. Named environments are resolved to URLs by the auth package at connect time, so
 * checking a value here loads no SDK package.
 */
export type Target =
  | { kind: 'named'; name: 'sandbox' | 'production'; label: string }
  | { kind: 'url'; baseUrl: string; label: string }
  | { kind: 'mock'; label: 'mock' };

/**
 * Parses an environment value: `sandbox`, `production`, `mock` or an http(s) base URL.
 *
 * @param source - where the value came from (`--env`, `HM_ENV`, a profile), named in errors
 */
export function parseTarget(value: string, source: string): Target {
  const name = value.trim();
  if (name === 'mock') return { kind: 'mock', label: 'mock' };
  if (name === 'sandbox' || name === 'production') return { kind: 'named', name, label: name };
  let url: URL | undefined;
  try {
    url = new URL(name);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw usageError(
      `Invalid ${source} "${value}": use sandbox, production, mock or an http(s) base URL ` +
        'such as http://127.0.0.1:4010.',
    );
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw usageError(
      `Invalid ${source}: the base URL must not contain a user name, password, query or fragment.`,
    );
  }
  const baseUrl = `${url.origin}${url.pathname}`.replace(/\/+$/, '').replace(/\/v1$/, '');
  return { kind: 'url', baseUrl, label: baseUrl };
}

/**
 * Picks the target: `--env`, then `HM_BASE_URL`, then `HM_ENV`, then the profile's `env`, then the
 * sandbox. Production is therefore only reached when one of them names it.
 */
export function resolveTarget(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  profile: { name: string; profile: Profile } | undefined,
): Target {
  if (flag !== undefined) return parseTarget(flag, '--env');
  if (env.HM_BASE_URL) return parseTarget(env.HM_BASE_URL, 'HM_BASE_URL');
  if (env.HM_ENV) return parseTarget(env.HM_ENV, 'HM_ENV');
  if (profile?.profile.env !== undefined) {
    return parseTarget(profile.profile.env, `env of profile "${profile.name}"`);
  }
  return parseTarget('sandbox', 'default environment');
}
