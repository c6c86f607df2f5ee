/** One entry of the API's `errors` list. */
export interface ApiErrorItem {
  title: string;
  detail?: string;
  source?: string;
}

/**
 * An HTTP error answer from the High Mobility API, with the parsed `errors[]` and `request_id`.
 *
 * Neither the request's headers nor its token are kept, so logging this error is safe.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code = 'API_ERROR';
  /** The HTTP status of the answer. */
  readonly status: number;
  /** The `errors[]` items the API sent, empty when the body had none. */
  readonly errors: ApiErrorItem[];
  /** The API's `request_id`, for support tickets, when the body had one. */
  readonly requestId: string | undefined;
  /** The operation that failed, as `METHOD /path`. */
  readonly operation: string;

  constructor(options: {
    status: number;
    operation: string;
    errors?: ApiErrorItem[];
    requestId?: string;
    body?: unknown;
  }) {
    const errors = options.errors ?? [];
    const first = errors[0];
    const reason = first
      ? `${first.title}${first.detail ? `: ${first.detail}` : ''}`
      : 'no details';
    super(`${options.operation} failed with HTTP ${options.status}: ${reason}`);
    this.status = options.status;
    this.errors = errors;
    this.requestId = options.requestId;
    this.operation = options.operation;
  }
}

/** Turns an error body of any shape into an {@link ApiError}. */
export function toApiError(operation: string, status: number, body: unknown): ApiError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const errors = Array.isArray(record.errors)
    ? record.errors.filter(
        (item): item is ApiErrorItem =>
          typeof item === 'object' && item !== null && typeof item.title === 'string',
      )
    : [];
  if (errors.length === 0 && typeof record.error === 'string') {
    const detail =
      typeof record.error_description === 'string' ? record.error_description : undefined;
    errors.push(detail === undefined ? { title: record.error } : { title: record.error, detail });
  }
  const requestId = typeof record.request_id === 'string' ? record.request_id : undefined;
  return new ApiError({ status, operation, errors, ...(requestId ? { requestId } : {}) });
}
