/** The two readable parts of a JSON Web Token. The signature is not checked. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

function decodeBase64Url(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '=');
  const bytes = Uint8Array.from(atob(padded), (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

function decodeObject(segment: string, part: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(decodeBase64Url(segment));
  } catch {
    throw new TypeError(`Invalid JWT: the ${part} is not base64url-encoded JSON.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`Invalid JWT: the ${part} is not a JSON object.`);
  }
  return value as Record<string, unknown>;
}

/**
 * Decodes the header and claims of a compact JWT for display. Nothing is verified, so use the
 * result only to show what a token contains, never to trust it.
 */
export function decodeJwt(token: string): DecodedJwt {
  const parts = token.split('.');
  const [header, payload] = parts;
  if (parts.length !== 3 || header === undefined || payload === undefined) {
    throw new TypeError(`Invalid JWT: expected 3 dot-separated parts, got ${parts.length}.`);
  }
  return { header: decodeObject(header, 'header'), payload: decodeObject(payload, 'payload') };
}
