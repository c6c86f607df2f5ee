import { afterEach, describe, expect, it } from 'vitest';
import * as client from '../src/index.js';

const fields = {
  status: 502,
  contentType: 'text/html',
  bodyExcerpt: 'Bad Gateway',
  requestId: undefined,
};

type ErrorClass = abstract new (...args: never[]) => Error;

// Abstract classes are constructed too: TypeScript's `abstract` does not exist at run time.
const construct = (Class: ErrorClass, ...args: unknown[]): Error => Reflect.construct(Class, args);

/** One way to construct each exported error class, keyed by export name. */
const factories: Record<string, () => Error> = {
  HmClientError: () => construct(client.HmClientError, 'failed'),
  ApiError: () => new client.ApiError({ status: 404, operation: 'GET /v1/test' }),
  NetworkError: () => new client.NetworkError('failed'),
  TimeoutError: () => new client.TimeoutError('timed out', 1_000),
  AbortError: () => new client.AbortError('aborted'),
  UnusableResponseError: () => construct(client.UnusableResponseError, 'unusable', fields),
  ResponseParseError: () => new client.ResponseParseError('invalid JSON', 'invalid-json', fields),
  UnexpectedContentTypeError: () => new client.UnexpectedContentTypeError('not JSON', fields),
  ClearanceWaitTimeoutError: () =>
    new client.ClearanceWaitTimeoutError({
      vin: 'WBA00000000000001',
      until: ['approved'],
      lastStatus: 'pending',
      timeoutMs: 1_000,
    }),
  ClearanceSettledError: () =>
    new client.ClearanceSettledError({
      vin: 'WBA00000000000001',
      until: ['approved'],
      status: 'rejected',
      reason: undefined,
    }),
  InvalidWebhookError: () =>
    new client.InvalidWebhookError('signature mismatch', 'signature-mismatch'),
  InvalidVinError: () => new client.InvalidVinError('ABC', 'too short'),
};

const exportedErrorClasses = Object.entries(client as Record<string, unknown>).filter(
  (entry): entry is [string, ErrorClass] =>
    typeof entry[1] === 'function' && entry[1].prototype instanceof Error,
);

describe('error class names', () => {
  const originalNames = new Map<object, PropertyDescriptor>();

  afterEach(() => {
    for (const [Class, descriptor] of originalNames) {
      Object.defineProperty(Class, 'name', descriptor);
    }
    originalNames.clear();
  });

  it('covers every exported error class', () => {
    expect(exportedErrorClasses.length).toBeGreaterThan(0);
    expect(Object.keys(factories).sort()).toEqual(
      exportedErrorClasses.map(([name]) => name).sort(),
    );
  });

  it.each(exportedErrorClasses)('%s keeps its name when minified', (exportName, Class) => {
    const factory = factories[exportName];
    expect(factory, `no factory for ${exportName}`).toBeDefined();

    // A minifier gives the class a short name, which this test simulates by renaming it.
    const descriptor = Object.getOwnPropertyDescriptor(Class, 'name');
    if (descriptor) originalNames.set(Class, descriptor);
    Object.defineProperty(Class, 'name', { value: 'ni', configurable: true });
    const error = factory?.();

    expect(error?.name).toBe(exportName);
    expect(String(error)).toMatch(new RegExp(`^${exportName}: `));
  });
});
