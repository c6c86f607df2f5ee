import { NetworkError } from '../errors.js';
import type { AssertionSigner } from './key-signer.js';

/** `client_assertion_type` value for a JWT bearer client assertion (RFC 7523). */
export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

type KeySignerModule = typeof import('./key-signer.js');

let keySignerModule: Promise<KeySignerModule> | undefined;

/**
 * Loads the private key code (see key-signer.ts) once. A failed load is forgotten, so the next
 * token request tries again; in a browser it fails like any other download.
 *
 * @throws NetworkError when the module could not be loaded.
 */
function loadKeySignerModule(): Promise<KeySignerModule> {
  keySignerModule ??= import('./key-signer.js').catch((error: unknown) => {
    keySignerModule = undefined;
    throw new NetworkError(
      'Could not load the private key code of @hm-sdk/auth, which loads on first use. Check the network connection and that the app serves all of its JavaScript chunks.',
      { cause: error },
    );
  });
  return keySignerModule;
}

/**
 * Starts checking and importing a private key in the background and returns the signer it
 * resolves to. The promise is marked as handled, so a bad key that is never used does not
 * report an unhandled rejection; whoever awaits it still gets the error.
 */
export function startAssertionSigner(privateKey: unknown): Promise<AssertionSigner> {
  const signer = loadKeySignerModule().then((module) => module.createAssertionSigner(privateKey));
  signer.catch(() => undefined);
  return signer;
}
