/** Functions that print msw's own message about an unhandled request. */
export interface UnhandledRequestPrint {
  /** Prints msw's warning and lets the request through. */
  warning(): void;
  /**
   * Prints msw's error message. It does not stop the request: in a browser, under msw 2.15 and
   * 3.0.5, the request still reaches the network.
   */
  error(): void;
}

/**
 * Callback for a request that no route of the mock matches, in the shape of msw 2's
 * `onUnhandledRequest` callback. A WebSocket connection arrives as a `GET` request for the
 * socket's `ws:` or `wss:` URL.
 */
export type UnhandledRequestCallback = (request: Request, print: UnhandledRequestPrint) => void;

/**
 * Strategy for a request that no route of the mock matches: `'bypass'` sends it on unchanged,
 * `'warn'` prints a warning and sends it on, and `'error'` prints an error and fails it.
 */
export type UnhandledRequestStrategy = 'bypass' | 'warn' | 'error' | UnhandledRequestCallback;

/** The parts of an msw 3 network frame that the adapter reads. */
interface NetworkFrameLike {
  protocol: string;
  data: unknown;
}

/** The argument msw 3 passes to an `onUnhandledFrame` callback. */
interface UnhandledFrameArgs {
  frame: NetworkFrameLike;
  defaults: { warn(): void; error(): void };
}

/** The value of msw 3's `onUnhandledFrame` start option. */
export type UnhandledFrameHandle =
  | 'bypass'
  | 'warn'
  | 'error'
  | ((args: UnhandledFrameArgs) => void | Promise<void>);

/** Builds the `Request` that the callback receives for an HTTP or WebSocket frame. */
function requestOfFrame(frame: NetworkFrameLike): Request {
  if (frame.protocol === 'http') return (frame.data as { request: Request }).request;
  if (frame.protocol === 'ws') {
    const { connection } = frame.data as { connection: { client: { url: URL } } };
    return new Request(connection.client.url);
  }
  throw new TypeError(
    `Unhandled msw network frame with protocol "${frame.protocol}": the onUnhandledRequest ` +
      'callback receives HTTP requests and WebSocket connections only. Pass a strategy string instead.',
  );
}

/**
 * Converts an `onUnhandledRequest` strategy (the msw 2 option) into the equivalent
 * `onUnhandledFrame` value that msw 3 reads. Strategy strings keep their meaning, and a callback
 * receives a `Request` and the print functions as it does under msw 2.
 */
export function toUnhandledFrameHandle(strategy: UnhandledRequestStrategy): UnhandledFrameHandle {
  if (typeof strategy !== 'function') return strategy;
  return ({ frame, defaults }) =>
    strategy(requestOfFrame(frame), { warning: defaults.warn, error: defaults.error });
}
