/**
 * The benchmarks the suite must contain. A run that lacks one of them fails, so a renamed or
 * deleted benchmark file cannot drop a measurement silently.
 */
export interface RequiredBenchmark {
  /** Result name, or a prefix ending in `.` that at least one result name must start with. */
  name: string;
  /** One-line description of what the benchmark measures. */
  covers: string;
}

export const requiredBenchmarks: readonly RequiredBenchmark[] = [
  { name: 'auth.get-token-warm', covers: 'getToken() calls per second on a warm cache' },
  {
    name: 'auth.cold-callers',
    covers: 'HTTP token requests caused by 1,000 concurrent getToken() calls on a cold cache',
  },
  { name: 'auth.assertion-sign', covers: 'client assertion signing against a bare jose sign' },
  {
    name: 'client.overhead-vs-fetch',
    covers: 'time per request of the client against bare fetch, >= 2,000 loopback requests',
  },
  {
    name: 'client.clearance-10k',
    covers: '10,000-VIN clearance run in simulated time under 60 requests per minute',
  },
  {
    name: 'client.clearance-10k-memory',
    covers: 'peak heap growth during the 10,000-VIN clearance run',
  },
  {
    name: 'client.clearance-10k-peak-rss',
    covers: 'peak RSS of a process running the 10,000-VIN clearance run, against node -e 0',
  },
  {
    name: 'client.vehicle-data-1k',
    covers: '1,000-VIN vehicle-data run in simulated time under 60 requests per minute',
  },
  {
    name: 'mock.http-listener',
    covers: 'requests per second through the mock HTTP listener against bare node:http',
  },
  { name: 'mock.msw-handler', covers: 'in-process cost of one request through the msw handlers' },
  { name: 'cli.help-cold-start', covers: 'cold `hm --help` against `node -e 0`' },
  { name: 'size.', covers: 'minified and gzipped size of each public browser entry' },
];

/** Returns the required benchmarks that none of `resultNames` satisfies. */
export function missingBenchmarks(resultNames: readonly string[]): RequiredBenchmark[] {
  return requiredBenchmarks.filter((required) =>
    required.name.endsWith('.')
      ? !resultNames.some((name) => name.startsWith(required.name))
      : !resultNames.includes(required.name),
  );
}
