export type { MockHttpServer, StartMockHttpServerOptions } from './http-server.js';
export { setupMockServer, startMockHttpServer } from './http-server.js';
export { resolveWorkerScriptPath } from './worker-script.js';
