import type { Logger } from '@hm-sdk/auth';
import type { Output } from '../output.js';

/**
 * Creates the `fetch` the CLI sends every request with. Under `--debug` it logs method, URL,
 * status and duration; headers and bodies are never logged, because they carry the token and the
 * credentials. Time limits and retries come from the token provider and the client.
 */
export function createFetch(output: Output): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const started = performance.now();
    output.log(`${request.method} ${request.url}`);
    try {
      const response = await fetch(request);
      const elapsed = Math.round(performance.now() - started);
      output.log(`${request.method} ${request.url} -> ${response.status} in ${elapsed} ms`);
      return response;
    } catch (error) {
      output.log(`${request.method} ${request.url} failed: ${(error as Error).message}`);
      throw error;
    }
  };
}

/**
 * Creates a logger for the token provider and the client that prints on stderr under `--debug`.
 *
 * @param area - prefix of each line, such as `auth` or `client`
 */
export function createDebugLogger(output: Output, area: string): Logger {
  // Both packages document that these fields never contain a secret.
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    output.log(`${area} ${level}: ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`);
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
