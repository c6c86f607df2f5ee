import type { Logger } from '@hm-sdk/auth';
import { createMockApi, type MockApi, type MockApiOptions } from '@hm-sdk/mock-server';
import { type MockHttpServer, startMockHttpServer } from '@hm-sdk/mock-server/node';
import { createHmClient, type HmClient, type HmClientOptions } from '../../src/index.js';

/** Returns a valid sandbox VIN that differs for each `n`. */
export function sandboxVin(n: number): string {
  return `2HM${String(n).padStart(14, '0')}`;
}

/** A mock API behind a real HTTP listener on 127.0.0.1. */
export interface MockHarness {
  mock: MockApi;
  server: MockHttpServer;
  /** Creates a client for a newly registered app of the mock. */
  client(options?: Partial<HmClientOptions>): HmClient;
}

/** Starts a mock that approves clearances at once, behind an HTTP listener on a free port. */
export async function startHarness(options: MockApiOptions = {}): Promise<MockHarness> {
  const mock = createMockApi({ approvalDelayMs: 0, ...options });
  const server = await startMockHttpServer(mock);
  return {
    mock,
    server,
    client(overrides = {}) {
      const app = mock.registerApp();
      return createHmClient({
        credentials: app,
        baseUrl: server.url,
        retry: { baseDelayMs: 1, maxDelayMs: 5 },
        ...overrides,
      });
    },
  };
}

/** One call a {@link RecordingLogger} received. */
export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown> | undefined;
}

/** A logger that keeps every entry, for assertions. */
export interface RecordingLogger extends Logger {
  entries: LogEntry[];
}

export function createRecordingLogger(): RecordingLogger {
  const entries: LogEntry[] = [];
  const record =
    (level: LogEntry['level']) => (message: string, fields?: Record<string, unknown>) => {
      entries.push({ level, message, fields });
    };
  return {
    entries,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
}

/** Resolves with what a promise rejects with, and fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject, but it resolved.');
}
