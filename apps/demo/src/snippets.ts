// The SDK code shown beside each step. Each snippet does what the page just did, with the
// page's own values, so a reader can paste it into a Node.js script. Secrets stay placeholders.

const sandboxNote =
  "  environment: 'sandbox', // the page passes its in-browser mock's URL as baseUrl\n";

/** Credentials with a client secret. */
export function clientSecretSnippet(clientId: string): string {
  return [
    "import { createCredentials } from '@hm-sdk/auth';",
    '',
    'const credentials = createCredentials({',
    `  clientId: '${clientId}',`,
    '  clientSecret: process.env.HM_CLIENT_SECRET, // never hard-code it',
    '});',
  ].join('\n');
}

/** Credentials from the console's private key file. */
export function privateKeySnippet(): string {
  return [
    "import { loadCredentialsFile } from '@hm-sdk/auth/node';",
    '',
    '// The JSON file the console offers when you create a private key.',
    "const credentials = await loadCredentialsFile('./hm-credentials.json');",
    '',
    '// Or, from the parsed JSON:',
    "// import { parseCredentialsJson } from '@hm-sdk/auth';",
    '// const credentials = parseCredentialsJson(jsonText);',
  ].join('\n');
}

/** Getting an access token. */
export function tokenSnippet(): string {
  return [
    "import { createTokenProvider } from '@hm-sdk/auth';",
    '',
    'const tokens = createTokenProvider({',
    '  credentials,',
    sandboxNote.trimEnd(),
    '});',
    '',
    '// Cached until shortly before it expires; concurrent callers share one request.',
    'const token = await tokens.getToken();',
    'console.log(token.scopes, token.expiresAt);',
  ].join('\n');
}

/** Checking eligibility. */
export function eligibilitySnippet(vin: string, brand: string): string {
  return [
    "import { createHmClient } from '@hm-sdk/client';",
    '',
    'const client = createHmClient({',
    '  tokenProvider: tokens, // or: credentials',
    sandboxNote.trimEnd(),
    '});',
    '',
    `const result = await client.checkEligibility({ vin: '${vin}', brand: '${brand}' });`,
    'console.log(result.eligible, result.data_delivery);',
  ].join('\n');
}

/** Requesting clearance and waiting for its outcome. */
export function clearanceSnippet(vin: string, brand: string): string {
  return [
    `const [request] = (await client.requestClearance([{ vin: '${vin}', brand: '${brand}' }])).vehicles;`,
    "console.log(request?.status); // 'pending' while the carmaker decides",
    '',
    '// Polls GET /v1/fleets/vehicles/{vin} until the status is approved, or times out.',
    `const clearance = await client.waitForClearance('${vin}', {`,
    '  timeoutMs: 60_000,',
    '  onChange: (c) => console.log(c.status),',
    '});',
  ].join('\n');
}

/** Reading vehicle data. */
export function vehicleDataSnippet(vin: string): string {
  return [
    `const data = await client.getVehicleData('${vin}');`,
    '',
    '// Capability, then property, then a list of { data, timestamp } values.',
    'const odometer = data.diagnostics?.odometer?.[0]?.data;',
    'console.log(odometer); // { value: 12345, unit: "kilometers" }',
  ].join('\n');
}
