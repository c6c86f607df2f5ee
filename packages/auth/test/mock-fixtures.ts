import { createMockApi, type MockApi } from '@hm-sdk/mock-server';
import { setupMockServer } from '@hm-sdk/mock-server/node';
import { HttpResponse, http } from 'msw';
import type { SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** The mock API served in process through msw, reset after every test. */
export interface InProcessMock {
  mock: MockApi;
  server: SetupServer;
}

/**
 * Registers hooks that serve a fresh mock in process for the test file. Unhandled requests
 * fail the test, so nothing reaches a real High Mobility host.
 */
export function useInProcessMock(): InProcessMock {
  const mock = createMockApi();
  const server = setupMockServer(mock);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    mock.reset();
  });
  afterAll(() => server.close());
  return { mock, server };
}

/** Token response fields a scripted endpoint returns; `access_token` defaults to `token-<n>`. */
export type ScriptedBody = Record<string, unknown>;

/** A token endpoint override that returns scripted responses and counts its calls. */
export interface ScriptedEndpoint {
  /** Number of requests handled so far. */
  readonly calls: number;
  /** Raw bodies received, unredacted, in order. */
  readonly bodies: string[];
}

/**
 * Overrides `POST /v1/access_tokens` on every origin with a handler that returns
 * `respond(n)` for the n-th request (1-based). A returned `Response` is sent as it is; an object
 * is sent as a 200 JSON token response.
 */
export function scriptTokenEndpoint(
  server: SetupServer,
  respond: (call: number) => ScriptedBody | Response | Promise<ScriptedBody | Response>,
): ScriptedEndpoint {
  const state = { calls: 0, bodies: [] as string[] };
  server.use(
    http.post('*/v1/access_tokens', async ({ request }) => {
      state.calls += 1;
      state.bodies.push(await request.text());
      const result = await respond(state.calls);
      if (result instanceof Response) {
        return result;
      }
      return HttpResponse.json({
        access_token: `token-${state.calls}`,
        token_type: 'bearer',
        expires_in: 300,
        scope: 'vehicle:data',
        ...result,
      });
    }),
  );
  return {
    get calls() {
      return state.calls;
    },
    bodies: state.bodies,
  };
}
