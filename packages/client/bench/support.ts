/**
 * Helpers for this package's benchmark files, which follow the line protocol of the workspace's
 * bench runner (tooling/bench/README.md): one JSON object per result on stdout, everything else
 * on stderr.
 */
import { createMockApi, type MockApi, type RouteId } from '@hm-sdk/mock-server';
import { type MockHttpServer, startMockHttpServer } from '@hm-sdk/mock-server/node';
import { createHmClient, type HmClient } from '../src/index.js';
import { createVirtualTime } from '../test/support/virtual-time.js';

/** Whether the runner asked for the short mode: few runs of small workloads. */
export const isShort = process.argv.includes('--short') || process.env.HM_BENCH_MODE === 'short';

/** A result line of the runner's protocol. */
export interface BenchLine {
  name: string;
  title?: string;
  unit: string;
  better?: 'higher' | 'lower';
  subject: { name: string; samples: number[] };
  baseline?: { name: string; samples: number[] };
  extra?: Record<string, unknown>;
}

/** Prints one result line on stdout. */
export function printResult(line: BenchLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** Writes a progress line on stderr, which the runner shows only with --verbose. */
export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** The API's documented limit on the single-clearance route, used for every simulated route. */
export const RATE_LIMIT = { limit: 60, windowMs: 60_000 } as const;

/** One request of the client, as seen from its side. */
export interface Exchange {
  method: string;
  /** URL path, such as `/v1/fleets/vehicles`. */
  path: string;
  status: number;
  /** Mock time of the request; it equals the mock's receive time, because time does not move in flight. */
  at: number;
}

/** A mock on a manual clock behind a real HTTP listener, and a client in the same simulated time. */
export interface Simulation {
  mock: MockApi;
  server: MockHttpServer;
  client: HmClient;
  /** Every request the client sent, in order; unlike `mock.requests`, it has no size limit. */
  exchanges: Exchange[];
  close(): Promise<void>;
}

/**
 * Starts a simulation in which `route` allows 60 requests per minute. Every wait of the client
 * moves the mock's clock instead of real time, so minutes of rate limiting pass in seconds.
 */
export async function startSimulation(route: RouteId): Promise<Simulation> {
  const mock = createMockApi({ clock: 'manual', approvalDelayMs: 0 });
  mock.setRateLimit(route, RATE_LIMIT);
  const server = await startMockHttpServer(mock);
  const time = createVirtualTime(mock);
  const exchanges: Exchange[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const at = mock.clock.now();
    const response = await fetch(input, init);
    const { pathname } = new URL(String(input));
    exchanges.push({ method: init?.method ?? 'GET', path: pathname, status: response.status, at });
    return response;
  };
  const client = createHmClient({
    credentials: mock.registerApp(),
    baseUrl: server.url,
    clock: time.clock,
    fetch: time.track(recordingFetch),
  });
  return { mock, server, client, exchanges, close: () => server.close() };
}

/** Rate-limit use of one run, from the mock times of the requests the mock accepted. */
export interface RateUse {
  /** Simulated seconds from the first to the last accepted request. */
  simulatedSeconds: number;
  /**
   * Simulated seconds the limit makes unavoidable: a sliding window of 60 per minute accepts a
   * burst of 60 at once, and the next 60 one window later.
   */
  minimumSeconds: number;
  /** minimumSeconds / simulatedSeconds in percent; 100 means as fast as the limit allows. */
  sharePercent: number;
  /** Maximum number of requests accepted within any one window; it must not exceed the limit. */
  peakInWindow: number;
}

/** Measures the rate use of accepted requests received at the given mock times. */
export function measureRateUse(acceptedAt: number[]): RateUse {
  const times = [...acceptedAt].sort((a, b) => a - b);
  const first = times[0] ?? 0;
  const last = times.at(-1) ?? 0;
  const minimumMs =
    Math.floor(Math.max(0, times.length - 1) / RATE_LIMIT.limit) * RATE_LIMIT.windowMs;
  const elapsedMs = last - first;
  let peakInWindow = 0;
  let start = 0;
  for (let end = 0; end < times.length; end += 1) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= RATE_LIMIT.windowMs) start += 1;
    peakInWindow = Math.max(peakInWindow, end - start + 1);
  }
  return {
    simulatedSeconds: elapsedMs / 1000,
    minimumSeconds: minimumMs / 1000,
    sharePercent: elapsedMs === 0 ? 100 : (minimumMs / elapsedMs) * 100,
    peakInWindow,
  };
}

/** Result of one simulated run. */
export interface SimulatedRun extends RateUse {
  /** VINs without an outcome, or with one that belongs to another VIN. */
  vinsLost: number;
  /** Requests the mock accepted. */
  accepted: number;
  /** Requests the mock rejected with 429. */
  rejected429: number;
  /** Real seconds the run took. */
  realSeconds: number;
}

/** Summarises the requests of one run that `matches` selects. */
export function summariseRun(
  simulation: Simulation,
  matches: (exchange: Exchange) => boolean,
  fields: { vinsLost: number; realSeconds: number },
): SimulatedRun {
  const requests = simulation.exchanges.filter(matches);
  const acceptedAt = requests.filter((entry) => entry.status === 200).map((entry) => entry.at);
  return {
    ...measureRateUse(acceptedAt),
    ...fields,
    accepted: acceptedAt.length,
    rejected429: requests.filter((entry) => entry.status === 429).length,
  };
}

/**
 * Prints the share of the allowed rate that the runs used, with the last run's counts, and
 * throws when any run lost a VIN, so the runner marks the file as failed.
 */
export function printRateUse(
  name: string,
  title: string,
  runs: SimulatedRun[],
  settings: Record<string, unknown>,
): void {
  const last = runs.at(-1);
  const vinsLost = runs.reduce((sum, run) => sum + run.vinsLost, 0);
  printResult({
    name,
    title,
    unit: '%',
    better: 'higher',
    subject: {
      name: 'share of the allowed rate used',
      samples: runs.map((run) => run.sharePercent),
    },
    extra: {
      ...settings,
      vinsLost,
      requestsAccepted: last?.accepted,
      responses429: last?.rejected429,
      peakRequestsInOneWindow: last?.peakInWindow,
      simulatedSeconds: last?.simulatedSeconds,
      minimumSimulatedSeconds: last?.minimumSeconds,
      realSeconds: Number(last?.realSeconds.toFixed(2)),
    },
  });
  if (vinsLost > 0)
    throw new Error(`${name}: ${vinsLost} VINs got no outcome; see the runs on stderr.`);
}
