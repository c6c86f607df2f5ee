/** An error as the page shows it: what happened, what to do, and the technical details. */
export interface ErrorDescription {
  title: string;
  hint: string;
  details: string[];
}

interface ErrorFields {
  name?: unknown;
  message?: unknown;
  status?: unknown;
  code?: unknown;
  requestId?: unknown;
  errors?: unknown;
  /** OAuth error code, on token endpoint errors (RFC 6749, section 5.2). */
  error?: unknown;
  error_description?: unknown;
  retryAfterMs?: unknown;
}

/** Advice by HTTP status, written for someone who is new to the API. */
const hintsByStatus: Record<number, { title: string; hint: string }> = {
  400: {
    title: 'The API rejected the request',
    hint: 'A field is missing or has the wrong format. The details below name it.',
  },
  401: {
    title: 'The access token was not accepted',
    hint: 'The token is missing, expired or was issued in another environment. Get a new token and try again, and check that the base URL matches the credentials.',
  },
  403: {
    title: 'The app is not allowed to do this',
    hint: 'The access token lacks the scope for this call, or the vehicle is not cleared for the app. Request clearance first, or add the scope to the app in the console.',
  },
  404: {
    title: 'Not found',
    hint: 'The API knows no such resource. For a clearance, request it first; for vehicle data, wait until the clearance is approved.',
  },
  409: {
    title: 'The request conflicts with the current state',
    hint: 'The vehicle is in a state that does not allow this change yet. Read its clearance status and try again when it has settled.',
  },
  422: {
    title: 'The API could not process the request',
    hint: 'The request was well-formed but a value is not acceptable, for example an unsupported brand. The details below name it.',
  },
  429: {
    title: 'Too many requests',
    hint: 'The API limits how often an app may call it. Wait as long as the Retry-After response header says before the next call, and spread calls out over time. The HTTP exchanges below show each attempt the SDK made, with that header.',
  },
};

/**
 * Advice for a token endpoint that rejected the credentials. The API reports a wrong secret or a
 * bad assertion as HTTP 400 `invalid_request`, not 401, so the status alone would mislead.
 */
const rejectedCredentials = {
  title: 'The credentials were not accepted',
  hint: 'Check the client id and secret, or the private key and its id. Credentials work only in the environment (sandbox or production) where they were created. The OAuth error below names the field.',
};

function hintFor(status: number): { title: string; hint: string } {
  const known = hintsByStatus[status];
  if (known) return known;
  if (status >= 500) {
    return {
      title: 'The API failed',
      hint: 'This is a problem on the server side. Try again later, and quote the request id when you contact support.',
    };
  }
  return { title: `The API returned HTTP ${status}`, hint: 'See the details below.' };
}

function apiErrorItems(errors: unknown): string[] {
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((item): item is { title: string; detail?: unknown } => typeof item?.title === 'string')
    .map((item) =>
      typeof item.detail === 'string' ? `${item.title}: ${item.detail}` : item.title,
    );
}

/**
 * Turns an error thrown by the SDK into text a newcomer can act on. HTTP errors get advice by
 * status; input errors (`TypeError`) show the SDK's message, which names the value and the fix.
 */
export function describeError(error: unknown): ErrorDescription {
  const fields: ErrorFields = typeof error === 'object' && error !== null ? error : {};
  const message = typeof fields.message === 'string' ? fields.message : String(error);
  const details: string[] = [];
  // Minifiers rename classes, so a bundled error's `name` can be meaningless. `code` is stable.
  if (typeof fields.code === 'string') details.push(`Code: ${fields.code}`);
  else if (typeof fields.name === 'string') details.push(`Error: ${fields.name}`);
  if (typeof fields.status === 'number') details.push(`HTTP status: ${fields.status}`);
  if (typeof fields.error === 'string') {
    const description =
      typeof fields.error_description === 'string' ? `: ${fields.error_description}` : '';
    details.push(`OAuth error: ${fields.error}${description}`);
  }
  details.push(...apiErrorItems(fields.errors));
  if (typeof fields.retryAfterMs === 'number') {
    details.push(`Retry after: ${fields.retryAfterMs / 1000} s`);
  }
  if (typeof fields.requestId === 'string') details.push(`Request id: ${fields.requestId}`);

  if (typeof fields.status === 'number') {
    const isOAuthError = typeof fields.error === 'string';
    const advice =
      isOAuthError && fields.status < 500 && fields.status !== 429
        ? rejectedCredentials
        : hintFor(fields.status);
    return { ...advice, details: [message, ...details] };
  }
  // The SDK reports invalid input as a TypeError whose message starts with "Invalid". Any other
  // TypeError is a bug, so it falls through to the generic description.
  if (error instanceof TypeError && message.startsWith('Invalid')) {
    return {
      title: 'The input is not valid',
      hint: `${message} Nothing was sent: the SDK checks input before calling the API.`,
      details,
    };
  }
  return { title: 'Something went wrong', hint: message, details };
}
