import { REDACTED } from '../redact.js';

/** Maximum length of a body excerpt in an error, in characters. */
export const EXCERPT_LENGTH = 200;

const JWT_PATTERN = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;

/**
 * Shortens a response body for an error message: drops scripts, styles and HTML tags, collapses
 * whitespace, replaces every JWT and every given secret with `[redacted]`, and cuts the text to
 * {@link EXCERPT_LENGTH} characters.
 */
export function excerptBody(body: string, secrets: readonly string[]): string {
  let text = body
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

/** Replaces every given secret and every JWT in a text with `[redacted]`. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) {
    if (secret.length > 0) {
      masked = masked.split(secret).join(REDACTED);
    }
  }
  return masked.replace(JWT_PATTERN, REDACTED);
}
