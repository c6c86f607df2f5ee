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
}

/** Advice by HTTP status, written for someone who is new to the API. */
const hintsByStatus: Record<number, { title: string; hint: string }> = {
  400: {
    title: 'The API rejected the request',
    hint: 'A field is missing or has the wrong format. The details below name it.',
  },
  401: {
    title: 'The credentials were not accepted',
    hint: 'Check the client id and secret, or the private key and its id. Credentials work only in the environment (sandbox or production) where they were created.',
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
    hint: 'The API limits how often an app may call it. The SDK already waited as the Retry-After header asked and retried; slow down, or spread the calls out.',
  },
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
  if (typeof fields.name === 'string') details.push(`Error: ${fields.name}`);
  if (typeof fields.code === 'string') details.push(`Code: ${fields.code}`);
  if (typeof fields.status === 'number') details.push(`HTTP status: ${fields.status}`);
  details.push(...apiErrorItems(fields.errors));
  if (typeof fields.requestId === 'string') details.push(`Request id: ${fields.requestId}`);

  if (typeof fields.status === 'number') {
    return { ...hintFor(fields.status), details: [message, ...details] };
  }
  if (error instanceof TypeError) {
    return { title: 'The input is not valid', hint: message, details };
  }
  return { title: 'Something went wrong', hint: message, details };
}
