// Helpers shared by the benchmarks: run counts per mode, a mock with one approved sandbox
// clearance, and summary statistics.
import { getResponse } from 'msw';
import { createMockApi } from '../dist/index.js';

export const vin = 'EXVETESTV1N000001';

/** True in the runner's short mode (`--short` or HM_BENCH_MODE=short): small, quick workloads. */
export const short = process.argv.includes('--short') || process.env.HM_BENCH_MODE === 'short';

/** Creates a mock with an approved clearance for `vin` and returns it with app credentials and a token. */
export async function prepareMock(baseUrl) {
  // The single-clearance route has a 60 per minute limit by default; a benchmark must not hit it.
  const mock = createMockApi({ rateLimits: { 'GET /v1/fleets/vehicles/:vin': false } });
  const { clientId, clientSecret } = mock.registerApp();
  mock.setClearanceStatus(vin, 'approved');
  const response = await getResponse(
    mock.handlers,
    new Request(`${baseUrl}/v1/access_tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      }),
    }),
  );
  const { access_token: token } = await response.json();
  return { mock, token, clientId, clientSecret };
}

/** Returns the value at quantile `q` (0..1) of `values`. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/** Median, 25th and 75th percentile of the per-run ratios subject / baseline. */
export function ratioSummary(subject, baseline) {
  const ratios = subject.map((value, index) => value / baseline[index]);
  const round = (value) => Math.round(value * 1000) / 1000;
  return {
    median: round(quantile(ratios, 0.5)),
    p25: round(quantile(ratios, 0.25)),
    p75: round(quantile(ratios, 0.75)),
  };
}

/** Rounds to `digits` decimals. */
export function round(value, digits = 1) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
