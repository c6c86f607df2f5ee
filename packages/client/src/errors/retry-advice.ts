/** Retry facts of one call (attempts and idempotency) that shape the closing advice of an error. */
export interface RetryFacts {
  /** Requests sent for the call, when known. */
  attempts?: number | undefined;
  /** Whether the client treated the call as idempotent, when known. */
  idempotent?: boolean | undefined;
}

/** Advice for a failed call that the client left alone because it is not idempotent. */
export const NOT_RESENT_ADVICE =
  'The client did not retry, because the call is not idempotent and may have taken effect. Check its outcome before you send it again.';

/**
 * Returns `retryHint` as the closing advice of an error, prefixed by how many times the client
 * sent the request when it retried. A call that is not idempotent gets {@link NOT_RESENT_ADVICE}
 * instead, because resending it may repeat its effect.
 */
export function retryAdvice(facts: RetryFacts, retryHint: string): string {
  if (facts.idempotent === false) return NOT_RESENT_ADVICE;
  if (facts.attempts !== undefined && facts.attempts > 1) {
    return `The client sent the request ${facts.attempts} times. ${retryHint}`;
  }
  return retryHint;
}
