import { maskBody, maskHeaders } from './mask.js';

/** One HTTP request and its response as the page shows them, with secrets already masked. */
export interface HttpExchange {
  method: string;
  url: string;
  requestHeaders: Array<[string, string]>;
  requestBody: string;
  /** The response status, or undefined when the request failed without a response. */
  status: number | undefined;
  responseHeaders: Array<[string, string]>;
  responseBody: string;
  /** The network error, when the request failed without a response. */
  error: string | undefined;
}

/** Receives each exchange made through a recording fetch, once its response body is read. */
export type ExchangeListener = (exchange: HttpExchange) => void;

async function readBody(message: Request | Response): Promise<string> {
  try {
    return maskBody(await message.clone().text());
  } catch {
    return '(body could not be read)';
  }
}

/**
 * Wraps `fetch` so that every exchange is reported to `listener` with its secrets masked. The
 * SDK's requests and responses pass through unchanged; only clones of them are read.
 */
export function createRecordingFetch(
  listener: ExchangeListener,
  baseFetch: typeof fetch = (input, init) => globalThis.fetch(input, init),
): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const requestBody = await readBody(request);
    const base = {
      method: request.method,
      url: request.url,
      requestHeaders: maskHeaders(request.headers),
      requestBody,
    };
    let response: Response;
    try {
      response = await baseFetch(request);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      listener({
        ...base,
        status: undefined,
        responseHeaders: [],
        responseBody: '',
        error: message,
      });
      throw error;
    }
    listener({
      ...base,
      status: response.status,
      responseHeaders: maskHeaders(response.headers),
      responseBody: await readBody(response),
      error: undefined,
    });
    return response;
  };
}
