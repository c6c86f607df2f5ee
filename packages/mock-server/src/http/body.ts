import { mediaTypeOf } from '../contract/contract.js';

/** Result of reading a request body: the parsed value, or why it could not be parsed. */
export type ParsedBody =
  | {
      ok: true;
      value: unknown;
      kind: 'json' | 'form' | 'empty';
      /** Names of form parameters that occur more than once, in order of first repeat. */
      repeated: string[];
    }
  | {
      ok: false;
      /** Description of the problem. It quotes no bytes of the body, which could contain a secret. */
      message: string;
      /** True when the `Content-Type` header was missing or not accepted by the route. */
      unsupportedMediaType: boolean;
    };

/** Options of {@link readBody}. */
export interface ReadBodyOptions {
  /** Whether the route accepts `application/x-www-form-urlencoded` besides JSON. */
  form?: boolean;
}

const FORM = 'application/x-www-form-urlencoded';

function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || /^application\/[\w.+-]+\+json$/.test(mediaType);
}

/**
 * Reads a JSON body, or a form-encoded body when `options.form` is set. A form body becomes an
 * object of strings in which a repeated parameter keeps its last value and is listed in
 * `repeated`. Any other `Content-Type`, or none, fails with `unsupportedMediaType`.
 */
export async function readBody(
  request: Request,
  options: ReadBodyOptions = {},
): Promise<ParsedBody> {
  const text = await request.text();
  if (text.trim() === '') return { ok: true, value: undefined, kind: 'empty', repeated: [] };
  const mediaType = mediaTypeOf(request.headers.get('content-type'));
  const accepted = options.form ? `application/json or ${FORM}` : 'application/json';
  if (mediaType === FORM && options.form) {
    return readForm(text);
  }
  if (!isJsonMediaType(mediaType)) {
    const found = mediaType === '' ? 'is missing' : `${mediaType} is not supported`;
    return {
      ok: false,
      message: `Content-Type ${found}; send the body as ${accepted}`,
      unsupportedMediaType: true,
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown, kind: 'json', repeated: [] };
  } catch {
    // The parser's message quotes the start of the body, so it is not passed on.
    return {
      ok: false,
      message: `Request body is not valid JSON (${text.length} characters with Content-Type ${mediaType}); send a JSON object`,
      unsupportedMediaType: false,
    };
  }
}

function readForm(text: string): ParsedBody {
  const value: Record<string, string> = {};
  const repeated: string[] = [];
  for (const [name, fieldValue] of new URLSearchParams(text)) {
    if (Object.hasOwn(value, name) && !repeated.includes(name)) repeated.push(name);
    value[name] = fieldValue;
  }
  return { ok: true, value, kind: 'form', repeated };
}
