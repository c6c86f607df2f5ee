/**
 * Requests clearance for 10,000 VINs (7,000 in short mode, enough to hit the limit once) through
 * `client.requestClearance` against the mock, whose `POST /v1/fleets/vehicles` allows 60
 * requests per minute, in simulated time. Reports how much of the allowed rate the run used,
 * checks that every VIN got an outcome, and measures the heap growth of the run.
 */
import {
  isShort,
  printRateUse,
  printResult,
  progress,
  type SimulatedRun,
  startSimulation,
  summariseRun,
} from './support.js';

const vinCount = isShort ? 7_000 : 10_000;
const runs = isShort ? 1 : 3;
const batchSize = 100;

/** Samples the heap every few milliseconds and keeps the highest value. */
function trackPeakHeap(): () => number {
  let peak = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().heapUsed);
  };
}

async function runOnce(): Promise<SimulatedRun & { heapGrowthMiB: number }> {
  const simulation = await startSimulation('POST /v1/fleets/vehicles');
  try {
    const vehicles = Array.from({ length: vinCount }, (_, index) => ({
      vin: `2HM${String(index).padStart(14, '0')}`,
      brand: 'sandbox' as const,
    }));
    (globalThis as { gc?: () => void }).gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const stopTracking = trackPeakHeap();
    const started = performance.now();

    const result = await simulation.client.requestClearance(vehicles, { batchSize });

    const realSeconds = (performance.now() - started) / 1000;
    const heapGrowthMiB = (stopTracking() - heapBefore) / 2 ** 20;
    const answered = result.vehicles.filter(
      (outcome, index) => outcome?.vin === vehicles[index]?.vin && outcome.status !== 'failed',
    );
    const isClearanceRequest = (entry: { method: string; path: string }) =>
      entry.method === 'POST' && entry.path === '/v1/fleets/vehicles';
    const summary = summariseRun(simulation, isClearanceRequest, {
      vinsLost: vinCount - answered.length,
      realSeconds,
    });
    return { ...summary, heapGrowthMiB };
  } finally {
    await simulation.close();
  }
}

const outcomes: Awaited<ReturnType<typeof runOnce>>[] = [];
for (let run = 0; run < runs; run += 1) {
  const outcome = await runOnce();
  progress(`run ${run + 1}/${runs}: ${JSON.stringify(outcome)}`);
  outcomes.push(outcome);
}

const vins = vinCount.toLocaleString('en');
printResult({
  name: 'client.clearance-10k-memory',
  title: `heap growth during the ${vins}-VIN clearance run`,
  unit: 'MiB',
  better: 'lower',
  subject: { name: 'peak heap growth', samples: outcomes.map((o) => o.heapGrowthMiB) },
  extra: { vins: vinCount, includes: 'client, mock state and mock request log in one process' },
});
printRateUse(
  'client.clearance-10k',
  `requestClearance of ${vins} VINs at 60 requests/min, simulated time`,
  outcomes,
  { vins: vinCount, batchSize },
);
