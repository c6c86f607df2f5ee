import type { Output } from '../output.js';
import type { ClientConnection, Connection, ConnectionValues } from './connect.js';

// The connection module imports the auth and client packages. Commands reach it through these
// wrappers, so `--help` and usage errors are handled before any SDK package is loaded.

/** Runs `task` with a connection; see `withConnection` in `connect.ts`. */
export async function withConnection<T>(
  values: ConnectionValues,
  output: Output,
  task: (connection: Connection) => Promise<T>,
): Promise<T> {
  const module = await import('./connect.js');
  return module.withConnection(values, output, task);
}

/** Runs `task` with a connection and a typed client; see `withClient` in `connect.ts`. */
export async function withClient<T>(
  values: ConnectionValues,
  output: Output,
  task: (connection: ClientConnection) => Promise<T>,
): Promise<T> {
  const module = await import('./connect.js');
  return module.withClient(values, output, task);
}
