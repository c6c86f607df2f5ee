import type { Fault } from './fault.js';

/** Name of the request header that selects a scenario for that one request. */
export const scenarioHeader = 'x-hm-mock-scenario';

/** Scenarios available by name in every mock. */
export const builtInScenarios: Readonly<Record<string, Fault>> = {
  'network-error': { type: 'network-error' },
  'html-502': { type: 'html-502' },
  'empty-500': { type: 'empty-500' },
  'malformed-json': { type: 'malformed-json' },
  'rate-limit': { type: 'rate-limit' },
  'server-error': { type: 'status', status: 500 },
  unavailable: { type: 'status', status: 503, headers: { 'retry-after': '5' } },
  timeout: { type: 'status', status: 408 },
  'gateway-timeout': { type: 'status', status: 504 },
};

/** Result of reading the scenario header: a fault, or the message that explains what is wrong. */
export type ParsedScenario = { ok: true; fault: Fault } | { ok: false; message: string };

function parseInteger(key: string, value: string): number | string {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    return `${scenarioHeader} ${key} must be a whole number >= 0, got "${value}"`;
  }
  return number;
}

/**
 * Reads a scenario header value. It is either a scenario name (`html-502`, or one defined with
 * `defineScenario`) or `;`-separated settings: `status=503`, `body=<URL-encoded JSON or text>`,
 * `latency=<ms>` and `retry-after=<s>`. A name may be followed by `latency=<ms>`.
 */
export function parseScenario(header: string, named: ReadonlyMap<string, Fault>): ParsedScenario {
  let fault: Fault | undefined;
  let status: number | undefined;
  let body: unknown;
  let latency: number | undefined;
  let retryAfter: number | undefined;
  for (const token of header
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const separator = token.indexOf('=');
    if (separator === -1) {
      fault = named.get(token) ?? builtInScenarios[token];
      if (!fault) {
        const known = [...Object.keys(builtInScenarios), ...named.keys()].join(', ');
        return {
          ok: false,
          message: `Unknown ${scenarioHeader} "${token}"; use one of ${known}, or status=<code>`,
        };
      }
      continue;
    }
    const key = token.slice(0, separator).trim();
    const value = decodeURIComponent(token.slice(separator + 1).trim());
    if (key === 'body') {
      body = parseBody(value);
      continue;
    }
    const number = parseInteger(key, value);
    if (typeof number === 'string') return { ok: false, message: number };
    if (key === 'status') status = number;
    else if (key === 'latency') latency = number;
    else if (key === 'retry-after') retryAfter = number;
    else
      return {
        ok: false,
        message: `Unknown ${scenarioHeader} setting "${key}"; use status, body, latency or retry-after`,
      };
  }
  return combine({ fault, status, body, latency, retryAfter });
}

function parseBody(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function combine(parts: {
  fault: Fault | undefined;
  status: number | undefined;
  body: unknown;
  latency: number | undefined;
  retryAfter: number | undefined;
}): ParsedScenario {
  const { status, body, latency, retryAfter } = parts;
  let fault = parts.fault;
  if (status !== undefined) {
    const headers = retryAfter === undefined ? undefined : { 'retry-after': String(retryAfter) };
    fault =
      status === 429 && body === undefined
        ? { type: 'rate-limit', retryAfterSeconds: retryAfter ?? 30 }
        : {
            type: 'status',
            status,
            ...(body === undefined ? {} : { body }),
            ...(headers ? { headers } : {}),
          };
  } else if (fault?.type === 'rate-limit' && retryAfter !== undefined) {
    fault = { ...fault, retryAfterSeconds: retryAfter };
  }
  if (!fault) {
    if (latency === undefined) {
      return {
        ok: false,
        message: `${scenarioHeader} needs a scenario name, status=<code> or latency=<ms>`,
      };
    }
    return { ok: true, fault: { type: 'latency', delayMs: latency } };
  }
  return { ok: true, fault: latency === undefined ? fault : { ...fault, delayMs: latency } };
}
