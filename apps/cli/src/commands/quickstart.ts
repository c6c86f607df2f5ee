import type { AccessToken } from '@hm-sdk/auth';
import { outputOptions, outputOptionsHelp, runCommand } from '../command.js';
import { createDebugLogger, createFetch } from '../connection/http.js';
import { ExitCode } from '../exit-codes.js';
import { generateP256KeyPair } from '../keys.js';
import type { Output } from '../output.js';
import { parseVin } from '../validation.js';

/** A sandbox VIN that the mock treats as eligible. */
const SANDBOX_VIN = '2HM00000000000001';

const help = `Usage: hm quickstart [--vin <vin>]

Runs the whole High Mobility flow against a mock started inside this process,
on a loopback HTTP port: no credentials and no network are needed.

Options:
  --vin <vin>            the sandbox VIN to use (default ${SANDBOX_VIN})

With --json, the steps are printed at the end as one JSON document:
{ baseUrl, vin, steps: [{ title, details: [line, ...] }] }.

${outputOptionsHelp}`;

const options = {
  ...outputOptions,
  vin: { type: 'string' },
} as const;

/** Runs `hm quickstart`. */
export function run(argv: string[]): Promise<number> {
  const spec = { name: 'quickstart', help, options, positionals: { min: 0, max: 0, names: '' } };
  return runCommand(argv, spec, ({ values, output }) =>
    runQuickstart(output, parseVin(values.vin ?? SANDBOX_VIN)),
  );
}

async function runQuickstart(output: Output, vin: string): Promise<number> {
  // The SDK packages load here rather than at the top, so `hm quickstart --help` stays fast.
  const [{ createCredentials, createTokenProvider }, { createHmClient }, { createMockApi }, node] =
    await Promise.all([
      import('@hm-sdk/auth'),
      import('@hm-sdk/client'),
      import('@hm-sdk/mock-server'),
      import('@hm-sdk/mock-server/node'),
    ]);
  const { startMockHttpServer } = node;
  const step = createStepPrinter(output);
  const mock = createMockApi({ approvalDelayMs: 1500 });
  const server = await startMockHttpServer(mock);
  // Under --debug, this fetch and the loggers print each request and SDK log line on stderr.
  const fetch = createFetch(output);
  const debugLogger = (area: string) =>
    output.debug ? { logger: createDebugLogger(output, area) } : {};
  try {
    step('Started the mock API', `listening on ${server.url}`);

    // Step 1: the client secret flow, as most apps start.
    const app = await mock.registerApp();
    const secretTokens = createTokenProvider({
      credentials: createCredentials({ clientId: app.clientId, clientSecret: app.clientSecret }),
      baseUrl: server.url,
      fetch,
      ...debugLogger('auth'),
    });
    describeToken(step, 'Got a token with a client secret', await secretTokens.getToken());

    // Step 2: the private key flow, with a key made here as the console would hand it out.
    const keyPair = await generateP256KeyPair();
    const { privateKeyId } = await mock.registerPrivateKey({
      clientId: app.clientId,
      publicKey: keyPair.publicJwk,
    });
    const keyCredentials = createCredentials({
      privateKeyId,
      privateKey: keyPair.privateKeyPem,
      clientId: app.clientId,
    });
    const keyTokens = createTokenProvider({
      credentials: keyCredentials,
      baseUrl: server.url,
      fetch,
      ...debugLogger('auth'),
    });
    describeToken(step, 'Got a token with a private key (ES256)', await keyTokens.getToken());

    // Step 3 onwards: fleet calls through the typed client, authenticated by the key.
    const client = createHmClient({
      tokenProvider: keyTokens,
      baseUrl: server.url,
      fetch,
      ...debugLogger('client'),
    });
    const eligibility = await client.checkEligibility({ vin, brand: 'sandbox' });
    step(
      'Checked eligibility',
      `${eligibility.vin}: ${eligibility.eligible ? 'eligible' : 'not eligible'}, ` +
        `data delivery: ${eligibility.data_delivery.join(', ') || 'none'}`,
    );

    const {
      vehicles: [requested],
    } = await client.requestClearance([{ vin, brand: 'sandbox' }]);
    step('Requested a fleet clearance', `${vin}: ${requested?.status ?? 'no answer'}`);

    // The first poll reports the status the request already printed, so only print real changes.
    let shownStatus: string | undefined = requested?.status;
    const approved = await client.waitForClearance(vin, {
      until: 'approved',
      timeoutMs: 30_000,
      onChange: (clearance) => {
        if (clearance.status === shownStatus) return;
        shownStatus = clearance.status;
        step('Clearance status changed', `${vin}: ${clearance.status}`);
      },
    });
    step('Clearance approved', `${vin}: ${approved.status}`);

    const data = await client.getVehicleData(vin);
    step('Read the vehicle data', ...summariseVehicleData(data));
    if (output.json) output.printJson({ baseUrl: server.url, vin, steps: step.steps });
    else output.out('\nDone: every step of the flow worked against the mock.');
    return ExitCode.Success;
  } finally {
    await server.close();
  }
}

/** One finished step of the quickstart, as `--json` prints it. */
interface Step {
  title: string;
  details: string[];
}

type StepPrinter = ((title: string, ...details: string[]) => void) & { steps: Step[] };

/** Creates a function that records each step and prints it, unless `--json` prints all at the end. */
function createStepPrinter(output: Output): StepPrinter {
  const steps: Step[] = [];
  const step = (title: string, ...details: string[]) => {
    steps.push({ title, details });
    if (output.json) return;
    const indented = details.map((line) => `\n    ${line}`).join('');
    output.out(`${String(steps.length).padStart(2)}. ${title}${indented}`);
  };
  return Object.assign(step, { steps });
}

function describeToken(step: StepPrinter, title: string, token: AccessToken): void {
  const seconds = Math.round((token.expiresAt.getTime() - Date.now()) / 1000);
  step(
    title,
    `${token.tokenType} token, expires in ${seconds} s, scopes: ${token.scopes.join(' ')}`,
  );
}

function summariseVehicleData(data: object): string[] {
  const record = data as Record<string, unknown>;
  // Capabilities are the object-valued keys; `vin` and `brand` are plain strings.
  const capabilities = Object.keys(record).filter((key) => {
    const value = record[key];
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  });
  const lines = [`${capabilities.length} capabilities: ${capabilities.join(', ')}`];
  const odometer = latestValue(record, 'diagnostics', 'odometer');
  if (odometer) lines.push(`odometer: ${odometer}`);
  const coordinates = latestValue(record, 'vehicle_location', 'coordinates');
  if (coordinates) lines.push(`location: ${coordinates}`);
  return lines;
}

/** Formats the newest entry of `capability.property` as text, if the data has one. */
function latestValue(data: Record<string, unknown>, capability: string, property: string) {
  const entries = (data[capability] as Record<string, unknown> | undefined)?.[property];
  if (!Array.isArray(entries) || entries.length === 0) return undefined;
  const value = (entries[0] as { data?: unknown }).data;
  if (typeof value !== 'object' || value === null) return String(value);
  const fields = value as Record<string, unknown>;
  if ('value' in fields && 'unit' in fields) return `${fields.value} ${fields.unit}`;
  if ('latitude' in fields && 'longitude' in fields) {
    // Five decimals are about a metre, and hide floating-point noise such as 52.523300000000006.
    const round = (degrees: unknown) => Number(Number(degrees).toFixed(5));
    return `${round(fields.latitude)}, ${round(fields.longitude)}`;
  }
  return JSON.stringify(value);
}
