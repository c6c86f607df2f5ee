export {
  type ClientSecretCredentialsInput,
  type Credentials,
  type CredentialsInput,
  createCredentials,
  isCredentials,
  type PrivateKeyCredentialsInput,
  parseCredentialsJson,
} from './credentials/credentials.js';
export type { PrivateKeyInput } from './credentials/private-key.js';
export {
  type BaseUrlOptions,
  environments,
  type HmEnvironment,
  resolveBaseUrl,
} from './environments.js';
export * from './errors.js';
export type { AccessToken } from './token/access-token.js';
export {
  createTokenProvider,
  type GetTokenOptions,
  type TokenProvider,
  type TokenProviderOptions,
} from './token/provider.js';
