/** Result of reading a request body: the parsed value, or why it could not be parsed. */
export type ParsedBody =
  | { ok: true; value: unknown; kind: 'json' | 'form' | 'empty' }
  | { ok: false; message: string };

/**
 * Reads a JSON or form-encoded (`application/x-www-form-urlencoded`) body. A form body becomes
 * an object of strings. A body with another content type is parsed as JSON when it looks like
 * JSON, because some clients omit the header.
 */
export async function readBody(request: Request): Promise<ParsedBody> {
  const text = await request.text();
  if (text.trim() === '') return { ok: true, value: undefined, kind: 'empty' };
  const contentType = request.headers.get('content-type')?.toLowerCase() ?? '';
  if (contentType.includes('application/x-www-form-urlencoded')) {
    return { ok: true, value: Object.fromEntries(new URLSearchParams(text)), kind: 'form' };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown, kind: 'json' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `Request body is not valid JSON: ${reason}` };
  }
}
