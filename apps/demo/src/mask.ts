/** Field names whose values are secrets in token requests and responses. */
const secretFields = new Set([
  'client_secret',
  'client_assertion',
  'access_token',
  'refresh_token',
  'private_key',
]);

/** Header names whose values are secrets. */
const secretHeaders = new Set(['authorization', 'cookie', 'set-cookie']);

/**
 * Masks a secret for display: the first four characters stay, so a reader can tell two values
 * apart, and the rest is replaced by a note with the length.
 */
export function maskSecret(value: string): string {
  if (value.length <= 8) return '•••• [masked]';
  return `${value.slice(0, 4)}…[masked, ${value.length} characters]`;
}

/** Masks the credential in an `Authorization` value and keeps the scheme (`Bearer`, `Basic`). */
function maskAuthorization(value: string): string {
  const space = value.indexOf(' ');
  if (space === -1) return maskSecret(value);
  return `${value.slice(0, space)} ${maskSecret(value.slice(space + 1))}`;
}

/** Returns the headers as name/value pairs, with the values of secret headers masked. */
export function maskHeaders(headers: Headers): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  headers.forEach((value, name) => {
    if (name === 'authorization') pairs.push([name, maskAuthorization(value)]);
    else if (secretHeaders.has(name)) pairs.push([name, maskSecret(value)]);
    else pairs.push([name, value]);
  });
  return pairs;
}

/** Replaces the values of secret fields anywhere in a parsed JSON value. */
export function maskJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskJson);
  if (typeof value !== 'object' || value === null) return value;
  const masked: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    masked[key] =
      secretFields.has(key) && typeof field === 'string' ? maskSecret(field) : maskJson(field);
  }
  return masked;
}

/**
 * Masks the secrets in a request or response body for display. JSON is pretty-printed and
 * form-encoded bodies are shown one field a line. The format is read from the body itself rather
 * than from `Content-Type`, so a mislabelled body still gets masked.
 */
export function maskBody(body: string): string {
  const trimmed = body.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.stringify(maskJson(JSON.parse(trimmed)), null, 2);
    } catch {
      // Not valid JSON: fall through to the other formats.
    }
  }
  if (/^[\w.%-]+=/.test(trimmed)) {
    const lines: string[] = [];
    for (const [key, value] of new URLSearchParams(trimmed)) {
      lines.push(`${key}=${secretFields.has(key) ? maskSecret(value) : value}`);
    }
    return lines.join('\n');
  }
  return body;
}
