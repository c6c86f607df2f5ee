import { describe, expect, it } from 'vitest';
import {
  toUnhandledFrameHandle,
  type UnhandledRequestCallback,
  type UnhandledRequestPrint,
} from '../src/unhandled-request.js';

/** Adapts a callback and returns the function that msw 3 would call. */
function adaptCallback(callback: UnhandledRequestCallback) {
  const handle = toUnhandledFrameHandle(callback);
  if (typeof handle !== 'function') throw new Error('expected a function for a callback strategy');
  return handle;
}

/** Records which of msw 3's default reactions the adapted callback called. */
function recordingDefaults(calls: string[]) {
  return { warn: () => calls.push('warn'), error: () => calls.push('error') };
}

describe('toUnhandledFrameHandle', () => {
  it.each(['bypass', 'warn', 'error'] as const)('keeps the %s strategy', (strategy) => {
    expect(toUnhandledFrameHandle(strategy)).toBe(strategy);
  });

  it('passes an HTTP frame request to the callback', async () => {
    const request = new Request('http://127.0.0.1:1/not-mocked', { method: 'POST' });
    const seen: Request[] = [];
    const handle = adaptCallback((received) => {
      seen.push(received);
    });

    await handle({
      frame: { protocol: 'http', data: { id: '1', request } },
      defaults: recordingDefaults([]),
    });

    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(request);
  });

  it('maps print functions to the defaults', async () => {
    const calls: string[] = [];
    let print: UnhandledRequestPrint | undefined;
    const handle = adaptCallback((_, received) => {
      print = received;
    });
    const request = new Request('http://127.0.0.1:1/');

    await handle({
      frame: { protocol: 'http', data: { request } },
      defaults: recordingDefaults(calls),
    });
    print?.warning();
    print?.error();

    expect(calls).toEqual(['warn', 'error']);
  });

  it('describes a WebSocket frame as a GET request', async () => {
    const seen: Request[] = [];
    const handle = adaptCallback((received) => {
      seen.push(received);
    });
    const url = new URL('ws://127.0.0.1:1/socket');

    await handle({
      frame: { protocol: 'ws', data: { connection: { client: { url } } } },
      defaults: recordingDefaults([]),
    });

    expect(seen[0]?.url).toBe('ws://127.0.0.1:1/socket');
    expect(seen[0]?.method).toBe('GET');
  });

  it('rejects a frame of another protocol', async () => {
    const handle = adaptCallback(() => {});

    const call = async () =>
      handle({ frame: { protocol: 'sse', data: {} }, defaults: recordingDefaults([]) });

    await expect(call()).rejects.toThrow(/protocol "sse".*Pass a strategy string instead/);
  });
});
