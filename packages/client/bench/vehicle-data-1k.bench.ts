/**
 * Reads vehicle data for 1,000 VINs (100 in short mode) through `client.runForVins` against the
 * mock, whose vehicle-data route allows 60 requests per minute, in simulated time. Reports how
 * much of the allowed rate the run used and checks that every VIN got its data.
 */
import {
  isShort,
  printRateUse,
  progress,
  type SimulatedRun,
  startSimulation,
  summariseRun,
} from './support.js';

const vinCount = isShort ? 100 : 1_000;
const runs = isShort ? 1 : 3;
const concurrency = 4;

async function runOnce(): Promise<SimulatedRun> {
  const simulation = await startSimulation('GET /v1/vehicle-data/autoapi-13/:vin');
  try {
    const vins = Array.from(
      { length: vinCount },
      (_, index) => `2HM${String(index).padStart(14, '0')}`,
    );
    for (const vin of vins) simulation.mock.setClearanceStatus(vin, 'approved');
    const started = performance.now();

    const results = await simulation.client.runForVins(
      vins,
      (vin, { signal }) => simulation.client.getVehicleData(vin, signal ? { signal } : {}),
      { concurrency },
    );

    const realSeconds = (performance.now() - started) / 1000;
    const delivered = results.filter((result, index) => result.ok && result.vin === vins[index]);
    return summariseRun(simulation, (entry) => entry.path.startsWith('/v1/vehicle-data/'), {
      vinsLost: vinCount - delivered.length,
      realSeconds,
    });
  } finally {
    await simulation.close();
  }
}

const outcomes: SimulatedRun[] = [];
for (let run = 0; run < runs; run += 1) {
  const outcome = await runOnce();
  progress(`run ${run + 1}/${runs}: ${JSON.stringify(outcome)}`);
  outcomes.push(outcome);
}
printRateUse(
  'client.vehicle-data-1k',
  `vehicle data for ${vinCount.toLocaleString('en')} VINs at 60 requests/min, simulated time`,
  outcomes,
  { vins: vinCount, concurrency },
);
