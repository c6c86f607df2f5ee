import { REDACTED } from '../errors.js';
import { secretForms } from './secret-forms.js';

/** Maximum length of a body excerpt in an error, in characters. */
export const EXCERPT_LENGTH = 200;

// A JWT header always starts with `{"`, which is `eyJ` in base64url. The signature part is
// optional so that a truncated echo of an assertion is masked too.
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*)?/g;

/**
 * Shortens a response body for an error message: drops scripts, styles and HTML tags, collapses
 * whitespace, replaces every JWT and every given secret with `[redacted]`, and cuts the text to
 * {@link EXCERPT_LENGTH} characters.
 */
export function excerptBody(body: string, secrets: readonly string[]): string {
  // Masking runs before tag removal too, because removal could split a secret that contains `<`.
  let text = maskSecrets(body, secrets)
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  text = maskSecrets(text, secrets).replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
}

/**
 * Replaces every JWT and every given secret in a text with `[redacted]`, including the encoded
 * forms a server may echo: JSON-escaped, percent-encoded (with `%20` or `+` for a space) and
 * base64. Longer secrets are masked first, so a secret that contains another is masked whole.
 */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text.replace(JWT_PATTERN, REDACTED);
  const sorted = [...secrets].sort((a, b) => b.length - a.length);
  for (const secret of sorted) {
    for (const pattern of secretForms(secret)) {
      masked = masked.replace(pattern, REDACTED);
    }
  }
  return masked;
}

// Deeper cause chains are cut, so a cyclic chain cannot loop forever.
const MAX_CAUSE_DEPTH = 5;

/**
 * Returns `cause` unchanged when no secret or JWT appears in it, and otherwise a copy with
 * masked text: an `Error` keeps its name, `code`, message, stack and cause chain, each masked,
 * and any other value becomes its masked JSON text.
 */
export function maskCause(cause: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof cause === 'string') {
    return maskSecrets(cause, secrets);
  }
  if (!(cause instanceof Error)) {
    const json = safeJson(cause);
    return json !== undefined && maskSecrets(json, secrets) !== json
      ? maskSecrets(json, secrets)
      : cause;
  }
  const inner =
    cause.cause === undefined || depth >= MAX_CAUSE_DEPTH
      ? undefined
      : maskCause(cause.cause, secrets, depth + 1);
  const message = maskSecrets(cause.message, secrets);
  const stack = cause.stack === undefined ? undefined : maskSecrets(cause.stack, secrets);
  if (message === cause.message && stack === cause.stack && inner === cause.cause) {
    return cause;
  }
  const copy = new Error(message, inner === undefined ? undefined : { cause: inner });
  copy.name = cause.name;
  copy.stack = stack;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string') {
    Object.assign(copy, { code });
  }
  return copy;
}

function safeJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}
