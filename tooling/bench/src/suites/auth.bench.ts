/**
 * Wraps the scripts in packages/auth/bench, which print their own JSON documents, into
 * protocol results. Every sample is one run of a script in a new process.
 */
import { numberAt, runJsonScript, runJsonScriptRepeatedly } from '../external.js';
import { bySize, emit } from '../measure.js';
import { spreadOf } from '../stats.js';

const packageDir = 'packages/auth';
// Three runs are the fewest that give a ratio a spread; the warm loop has no ratio.
const runs = bySize(3, 7);

async function warmGetToken(): Promise<void> {
  const script = 'bench/warm-get-token.mjs';
  const documents = await runJsonScriptRepeatedly(
    { packageDir, script, env: { BENCH_DURATION_MS: String(bySize(100, 1_000)) } },
    bySize(1, 7),
  );
  emit({
    name: 'auth.get-token-warm',
    title: 'getToken() on a warm cache',
    unit: 'ops/s',
    better: 'higher',
    subject: {
      name: 'await provider.getToken()',
      samples: documents.map((document) => numberAt(document, ['callsPerSecond'], script)),
    },
    extra: {
      httpRequestsInLastRun: numberAt(documents.at(-1), ['httpRequests'], script),
      minimumRunMs: bySize(100, 1_000),
    },
  });
}

async function coldCallers(): Promise<void> {
  const script = 'bench/cold-concurrency.mjs';
  const rounds = bySize(3, 10);
  const document = (await runJsonScript({
    packageDir,
    script,
    env: { BENCH_ROUNDS: String(rounds) },
  })) as { httpRequestsPerRound?: unknown; durationsMs?: unknown };
  const perRound = Array.from({ length: rounds }, (_, round) =>
    numberAt(document, ['httpRequestsPerRound', String(round)], script),
  );
  const durations = Array.from({ length: rounds }, (_, round) =>
    numberAt(document, ['durationsMs', String(round)], script),
  );
  emit({
    name: 'auth.cold-callers',
    title: '1,000 concurrent getToken() on a cold cache',
    unit: 'requests',
    better: 'lower',
    subject: { name: 'HTTP token requests per 1,000 callers', samples: perRound },
    extra: {
      callers: numberAt(document, ['callers'], script),
      medianMsUntilAllResolved: spreadOf(durations).median,
    },
  });
}

async function assertionSigning(): Promise<void> {
  const script = 'bench/assertion-signing.mjs';
  const iterations = bySize(100, 2_000);
  const documents = await runJsonScriptRepeatedly(
    { packageDir, script, env: { BENCH_ITERATIONS: String(iterations) } },
    runs,
  );
  const microseconds = (keys: string[]) =>
    documents.map((document) => numberAt(document, keys, script) * 1000);
  emit({
    name: 'auth.assertion-sign',
    title: 'client assertion vs bare jose SignJWT',
    unit: 'µs',
    better: 'lower',
    subject: {
      name: 'token request body with a fresh assertion',
      samples: microseconds(['sdkMsPerAssertion']),
    },
    baseline: {
      name: 'jose SignJWT.sign, same key and claims',
      samples: microseconds(['bareJoseMsPerSign']),
    },
    extra: { signaturesPerRun: iterations },
  });
}

await warmGetToken();
await coldCallers();
await assertionSigning();
