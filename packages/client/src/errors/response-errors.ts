import { HmClientError, type HmClientErrorOptions } from './base.js';

/** Maximum length of a body excerpt in an error, in characters. */
export const BODY_EXCERPT_LENGTH = 200;

const JWT = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;

/**
 * Shortens a response body for an error: strips HTML markup, collapses white space, masks
 * anything shaped like a JWT and cuts the text to {@link BODY_EXCERPT_LENGTH} characters.
 */
export function excerpt(body: string): string {
  const text = body
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(JWT, '[redacted]')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > BODY_EXCERPT_LENGTH ? `${text.slice(0, BODY_EXCERPT_LENGTH - 1)}…` : text;
}

/** Fields that describe a response the client could not use. */
export interface UnusableResponseFields {
  /** HTTP status of the response. */
  status: number;
  /** The `Content-Type` header as sent, or `undefined` when there was none. */
  contentType: string | undefined;
  /** Start of the body with markup removed, at most {@link BODY_EXCERPT_LENGTH} characters. */
  bodyExcerpt: string;
  /** The `x-request-id` header, when the response had one. */
  requestId: string | undefined;
}

/**
 * Base class of the errors for responses the client could not use. It carries what is known
 * about the response, so a caller can log the status and the start of the body.
 */
export abstract class UnusableResponseError extends HmClientError {
  // Typed as string so that the subclasses can set their own literal.
  override readonly name: string = 'UnusableResponseError';
  /** HTTP status of the response. */
  readonly status: number;
  /** The `Content-Type` header as sent. */
  readonly contentType: string | undefined;
  /** Start of the body, markup removed. */
  readonly bodyExcerpt: string;
  /** The `x-request-id` header, when present. */
  readonly requestId: string | undefined;

  constructor(message: string, fields: UnusableResponseFields, options: HmClientErrorOptions = {}) {
    super(message, options);
    this.status = fields.status;
    this.contentType = fields.contentType;
    this.bodyExcerpt = fields.bodyExcerpt;
    this.requestId = fields.requestId;
  }
}

/** The reason a response body could not be used. */
export type ResponseParseProblem = 'empty-body' | 'invalid-json' | 'missing-entry';

/**
 * The response had a JSON content type, or none, but its body was empty or not valid JSON, or
 * a batch response left out an entry the request asked for. An empty 200 and an empty 500 both
 * end here, so neither can pass for a success.
 */
export class ResponseParseError extends UnusableResponseError {
  override readonly name = 'ResponseParseError';
  readonly code = 'ERR_CLIENT_RESPONSE_PARSE';
  /** The problem with the body. */
  readonly problem: ResponseParseProblem;

  constructor(
    message: string,
    problem: ResponseParseProblem,
    fields: UnusableResponseFields,
    options: HmClientErrorOptions = {},
  ) {
    super(message, fields, options);
    this.problem = problem;
  }
}

/**
 * The response body was not JSON, for example the HTML error page of a proxy in front of the
 * API (a 502 from a load balancer).
 */
export class UnexpectedContentTypeError extends UnusableResponseError {
  override readonly name = 'UnexpectedContentTypeError';
  readonly code = 'ERR_CLIENT_UNEXPECTED_CONTENT_TYPE';
}
