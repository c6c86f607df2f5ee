export { type Clock, systemClock } from './clock.js';
export {
  type ClientSecretCredentialsInput,
  type Credentials,
  type CredentialsInput,
  checkCredentials,
  createCredentials,
  isCredentials,
  type PrivateKeyCredentialsInput,
} from './credentials/credentials.js';
export { type CredentialsJson, parseCredentialsJson } from './credentials/credentials-json.js';
export type { PrivateKeyInput } from './credentials/private-key.js';
export {
  type BaseUrlOptions,
  environments,
  type HmEnvironment,
  resolveBaseUrl,
} from './environments.js';
export {
  type AnyHmAuthError,
  HmAuthError,
  type HmAuthErrorCode,
  type HmAuthErrorOptions,
  InvalidCredentialsError,
  InvalidPrivateKeyError,
  isHmAuthError,
  NetworkError,
  OAuthError,
  type OAuthErrorFields,
  type PrivateKeyProblem,
  TimeoutError,
  UnexpectedResponseError,
  type UnexpectedResponseFields,
} from './errors.js';
export type { Logger } from './logger.js';
export type { AccessToken } from './token/access-token.js';
export { type CachedToken, createMemoryTokenCache, type TokenCache } from './token/cache.js';
export { DEFAULT_REFRESH_MARGIN, type RefreshMargin } from './token/margin.js';
export type { TokenProviderOptions } from './token/options.js';
export {
  createTokenProvider,
  type GetTokenOptions,
  type TokenProvider,
} from './token/provider.js';
export type { RetryOptions } from './token/retry.js';
