/** Name of this SDK in the `User-Agent` header: a product token (RFC 9110, section 10.1.5). */
export const SDK_NAME = 'hm-sdk-client';

/**
 * Version of `@hm-sdk/client`. A test compares it with `package.json`, so a release that
 * bumps one without the other fails.
 */
export const SDK_VERSION = '0.0.0';
