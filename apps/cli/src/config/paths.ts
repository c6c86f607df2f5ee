import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Returns the directory of the CLI's configuration: `$XDG_CONFIG_HOME/hm` when that variable is
 * an absolute path, otherwise `$HOME/.config/hm` (falling back to the OS home directory).
 */
export function configDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CONFIG_HOME;
  // The XDG base directory spec says relative paths in these variables are invalid and ignored.
  if (xdg?.startsWith('/')) return join(xdg, 'hm');
  return join(env.HOME || homedir(), '.config', 'hm');
}

/** Returns the path of the profiles file, `config.json` in {@link configDirectory}. */
export function configFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDirectory(env), 'config.json');
}
