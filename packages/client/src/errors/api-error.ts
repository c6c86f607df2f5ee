import { HmClientError, type HmClientErrorOptions } from './base.js';
import { NOT_RESENT_ADVICE, type RetryFacts, retryAdvice } from './retry-advice.js';

/** One entry of the `errors` list in the API's error bodies. */
export interface ApiErrorItem {
  /** Short summary, such as `Not found`. */
  title: string;
  /** Description of the problem, in the API's words. */
  detail?: string;
  /** The field, header or parameter the error is about, such as `vin` or `Authorization`. */
  source?: string;
}

/** Fields of an {@link ApiError}. */
export interface ApiErrorFields {
  /** HTTP status of the response. */
  status: number;
  /** The operation that failed, as `METHOD /path/template`. */
  operation: string;
  /** The `errors[]` items of the body; empty when the body had none. */
  errors?: ApiErrorItem[];
  /** The API's request id, from the body's `request_id` or the `x-request-id` header. */
  requestId?: string | undefined;
  /** Delay the server asked for in `Retry-After`, in milliseconds. */
  retryAfterMs?: number | undefined;
  /** The parsed error body as the API sent it. */
  body?: unknown;
  /**
   * Whether the client treated the call as idempotent, so it could retry a 5xx. When false, the
   * message warns that the request may have taken effect.
   */
  idempotent?: boolean | undefined;
}

const fixByStatus: Record<number, string> = {
  401: 'Check that the credentials belong to this environment; the client already retried once with a new token.',
  403: 'Check that the app has the scope for this call and that the vehicle has an approved clearance.',
  404: 'Check the VIN, and request a clearance first if the vehicle has none.',
  408: 'The vehicle or its manufacturer did not answer in time; try again later.',
  409: 'Read the clearance and retry once its status has settled.',
  422: 'Check the values the error names.',
  429: 'Slow down: wait as long as Retry-After says, or lower the concurrency.',
};

/** The 5xx statuses the client retries for idempotent calls. */
const RETRIED_5XX = new Set([502, 503, 504]);

function fixFor(status: number, facts: RetryFacts): string {
  const fix = fixByStatus[status];
  if (fix !== undefined || status < 500) return fix ?? '';
  const support = 'quote the request id to support';
  if (facts.idempotent === false) return `${NOT_RESENT_ADVICE} Then ${support}.`;
  if (facts.attempts === 1 && !RETRIED_5XX.has(status)) {
    return `The client does not retry HTTP ${status}. Retry later if the failure is temporary, and ${support}.`;
  }
  return retryAdvice(facts, `Retry later, and ${support}.`);
}

/**
 * An HTTP error response from the High Mobility API, with the parsed `errors[]` items and the
 * `request_id`.
 *
 * It contains neither the request, its headers nor the access token, so logging it is safe.
 */
export class ApiError extends HmClientError {
  override readonly name = 'ApiError';
  readonly code = 'ERR_CLIENT_API';
  /** HTTP status of the response. */
  readonly status: number;
  /** The `errors[]` items the API sent, empty when the body had none. */
  readonly errors: ApiErrorItem[];
  /** The API's request id, for support tickets, when the response carried one. */
  readonly requestId: string | undefined;
  /** Delay the server asked for in `Retry-After`, in milliseconds, when it sent one. */
  readonly retryAfterMs: number | undefined;
  /** The parsed error body exactly as the API sent it. */
  readonly body: unknown;
  /** The operation that failed, as `METHOD /path/template`. */
  override readonly operation: string;

  constructor(fields: ApiErrorFields, options: HmClientErrorOptions = {}) {
    const errors = fields.errors ?? [];
    super(describe(fields, errors, options.attempts), { ...options, operation: fields.operation });
    this.status = fields.status;
    this.errors = errors;
    this.requestId = fields.requestId;
    this.retryAfterMs = fields.retryAfterMs;
    this.body = fields.body;
    this.operation = fields.operation;
  }
}

function describe(
  fields: ApiErrorFields,
  errors: ApiErrorItem[],
  attempts: number | undefined,
): string {
  const reasons = errors.map((item) => {
    const text = item.detail ? `${item.title}: ${item.detail}` : item.title;
    return item.source ? `${text} (source: ${item.source})` : text;
  });
  const reason = reasons.length > 0 ? reasons.join('; ') : 'the body had no error details';
  const requestId = fields.requestId ? ` Request id: ${fields.requestId}.` : '';
  const fix = fixFor(fields.status, { attempts, idempotent: fields.idempotent });
  return `${fields.operation} failed with HTTP ${fields.status}: ${reason}.${requestId}${fix ? ` ${fix}` : ''}`;
}

function isErrorItem(value: unknown): value is ApiErrorItem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return (
    typeof item.title === 'string' &&
    (item.detail === undefined || typeof item.detail === 'string') &&
    (item.source === undefined || typeof item.source === 'string')
  );
}

/** Reads the error items of any error body: the API's `errors[]` or an OAuth `error` pair. */
export function readErrorItems(body: unknown): ApiErrorItem[] {
  if (typeof body !== 'object' || body === null) return [];
  const record = body as Record<string, unknown>;
  if (Array.isArray(record.errors)) {
    // Some documented bodies omit `title` (the 401 example does); keep their detail anyway.
    return record.errors.flatMap((item): ApiErrorItem[] => {
      if (isErrorItem(item)) return [{ ...item }];
      const { detail, source } = (item ?? {}) as { detail?: unknown; source?: unknown };
      if (typeof detail !== 'string') return [];
      return [
        typeof source === 'string'
          ? { title: 'Error', detail, source }
          : { title: 'Error', detail },
      ];
    });
  }
  if (typeof record.error === 'string') {
    const detail = record.error_description;
    return [typeof detail === 'string' ? { title: record.error, detail } : { title: record.error }];
  }
  return [];
}

/** Builds an {@link ApiError} from an error body of any shape and the response's headers. */
export function toApiError(
  operation: string,
  status: number,
  body: unknown,
  extra: {
    requestId?: string | undefined;
    retryAfterMs?: number | undefined;
    attempts?: number;
    idempotent?: boolean;
  } = {},
): ApiError {
  const bodyRequestId = (body as { request_id?: unknown } | null)?.request_id;
  const requestId = typeof bodyRequestId === 'string' ? bodyRequestId : extra.requestId;
  return new ApiError(
    {
      status,
      operation,
      errors: readErrorItems(body),
      requestId,
      retryAfterMs: extra.retryAfterMs,
      body,
      idempotent: extra.idempotent,
    },
    extra.attempts === undefined ? {} : { attempts: extra.attempts },
  );
}
