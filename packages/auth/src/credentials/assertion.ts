import { loadOnce } from '../load-once.js';
import type { AssertionSigner } from './key-signer.js';

/** `client_assertion_type` value for a JWT bearer client assertion (RFC 7523). */
export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

// The private key code: key parsers, the Web Crypto import and jose.
const loadKeySigner = loadOnce(() => import('./key-signer.js'), 'the private key code');

/**
 * Starts checking and importing a private key in the background and returns the signer it
 * resolves to. The promise is marked as handled, so a bad key that is never used does not
 * report an unhandled rejection. A caller that awaits it still gets the error.
 */
export function startAssertionSigner(privateKey: unknown): Promise<AssertionSigner> {
  const signer = loadKeySigner().then((module) => module.createAssertionSigner(privateKey));
  signer.catch(() => undefined);
  return signer;
}
