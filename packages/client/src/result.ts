import type { MaybeOptionalInit } from 'openapi-fetch';
import type { HttpMethod, PathsWithMethod } from 'openapi-typescript-helpers';
import type { ApiError } from './errors/api-error.js';
import type { ClientPaths } from './paths.js';
import type { HmRequestOptions } from './transport/request-options.js';

/** One decimal digit, used to spell out status code ranges. */
export type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
/** The number literal that a numeric string literal spells, such as `404` for `'404'`. */
export type ToNumber<Text> = Text extends `${infer Value extends number}` ? Value : never;

/** Every HTTP status code from 100 to 599, as number literals. */
export type HttpStatus = ToNumber<`${1 | 2 | 3 | 4 | 5}${Digit}${Digit}`>;
/** The success statuses, 200 to 299. */
export type SuccessStatus = ToNumber<`2${Digit}${Digit}`>;

/** The `responses` map of a generated operation, keyed by status. */
export type ResponsesOf<Operation> = Operation extends { responses: infer Responses }
  ? Responses
  : never;
/** The statuses an operation documents. */
export type DocumentedStatus<Operation> = Extract<keyof ResponsesOf<Operation>, HttpStatus>;
/** The `application/json` body type of a generated response, or `undefined` if it has none. */
export type JsonBodyOf<Response> = Response extends { content: { 'application/json': infer Body } }
  ? Body
  : undefined;

/** A documented success: `data` has the schema of that status. */
export interface HmSuccess<Status extends number, Data> {
  /** Always true for a success, so `if (result.ok)` narrows to this member. */
  readonly ok: true;
  /** HTTP status of the response. */
  readonly status: Status;
  /** The parsed body, with the schema the contract documents for `status`. */
  readonly data: Data;
  /** Never set on a success. */
  readonly error?: undefined;
  /** The response; its body has already been read. */
  readonly response: Response;
  /** The `x-request-id` header, when the API sent one. */
  readonly requestId: string | undefined;
}

/**
 * An HTTP error response. For a documented status, `error` has that status's schema, and for any
 * other status it is `unknown`. `apiError` is the same response as a throwable {@link ApiError}.
 */
export interface HmFailure<Status extends number, Body> {
  /** Always false for an error response. */
  readonly ok: false;
  /** HTTP status of the response. */
  readonly status: Status;
  /** Never set on a failure. */
  readonly data?: undefined;
  /** The parsed error body. */
  readonly error: Body;
  /** The same response as a throwable error with `errors[]` and `requestId`. */
  readonly apiError: ApiError;
  /** The response; its body has already been read. */
  readonly response: Response;
  /** The request id from the body's `request_id` or the `x-request-id` header. */
  readonly requestId: string | undefined;
}

/** The result members for the statuses that an operation documents, one per status. */
export type DocumentedResult<Operation> = {
  [Status in DocumentedStatus<Operation>]: Status extends SuccessStatus
    ? HmSuccess<Status, JsonBodyOf<ResponsesOf<Operation>[Status]>>
    : HmFailure<Status, JsonBodyOf<ResponsesOf<Operation>[Status]>>;
}[DocumentedStatus<Operation>];

/**
 * The outcome of one call that received an HTTP response, as a union that narrows by `ok` and by
 * `status`: after `result.status === 404`, `result.error` has the schema the contract documents
 * for 404. Statuses the contract does not list for the operation fall into a last member whose
 * `error` is `unknown`, so the narrowing never lies.
 *
 * Calls that get no usable response do not return a result: they throw a `NetworkError`,
 * `TimeoutError`, `AbortError`, `ResponseParseError` or `UnexpectedContentTypeError`.
 */
export type HmResult<Operation> =
  | DocumentedResult<Operation>
  | HmFailure<Exclude<HttpStatus, DocumentedStatus<Operation>>, unknown>;

/** The keys of `T` that are not optional. */
export type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/**
 * The `init` parameter of {@link HmRequestMethod} as a rest tuple: optional when `Init` has no
 * required key, and required otherwise.
 */
export type InitArgument<Init> = [RequiredKeys<Init>] extends [never]
  ? [init?: Init]
  : [init: Init];

/** An HTTP method name in lower or upper case, such as `'get'` or `'GET'`. */
export type MethodName = HttpMethod | Uppercase<HttpMethod>;

/**
 * `client.request(method, path, init)`: typed by the contract like `client.api`, but resolving to
 * an {@link HmResult} that narrows by status.
 */
export type HmRequestMethod<Paths extends object = ClientPaths> = <
  Method extends MethodName,
  Path extends PathsWithMethod<Paths, Lowercase<Method>>,
>(
  method: Method,
  path: Path,
  ...init: InitArgument<InitOf<Paths[Path], Lowercase<Method>> & HmRequestOptions>
) => Promise<HmResult<OperationOf<Paths[Path], Lowercase<Method>>>>;

/** The operation of a path item for a lowercase method name, or `never` if it has none. */
export type OperationOf<PathItem, Method> = Method extends keyof PathItem
  ? PathItem[Method]
  : never;
/** The openapi-fetch request options (params, body, headers) of one operation. */
export type InitOf<PathItem, Method> = Method extends keyof PathItem
  ? NonNullable<MaybeOptionalInit<PathItem, Method>>
  : never;

/**
 * Returns the data of a success, or throws the failure's {@link ApiError}.
 *
 * @example
 * ```ts
 * const clearance = unwrap(await client.request('get', '/v1/fleets/vehicles/{vin}', {
 *   params: { path: { vin } },
 * }));
 * ```
 */
export function unwrap<Result extends { ok: boolean; data?: unknown; apiError?: ApiError }>(
  result: Result,
): Extract<Result, { ok: true }>['data'] {
  if (result.ok) return result.data as Extract<Result, { ok: true }>['data'];
  throw result.apiError;
}
