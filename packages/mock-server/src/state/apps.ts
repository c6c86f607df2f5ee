import { importJWK, importSPKI } from 'jose';

/** Scopes an app gets when `registerApp` is called without `scopes`. */
export const defaultScopes: readonly string[] = [
  'fleet:clearance',
  'vehicle:eligibility-check',
  'vehicle:data',
];

/** Input of `MockApi.registerApp`. */
export interface RegisterAppInput {
  /** Client id; a random UUID when omitted. */
  clientId?: string;
  /** Client secret; a random string when omitted. */
  clientSecret?: string;
  /** Scopes granted to the app's access tokens; defaults to every scope the mock supports. */
  scopes?: readonly string[];
}

/** Credentials returned by `MockApi.registerApp`. */
export interface RegisteredApp {
  clientId: string;
  clientSecret: string;
}

/** Input of `MockApi.registerPrivateKey`. */
export interface RegisterPrivateKeyInput {
  /** App that owns the key; defaults to the most recently registered app, or a new one. */
  clientId?: string;
  /** Key id that assertions carry as `iss`; a random UUID when omitted. */
  privateKeyId?: string;
  /** P-256 public key as a JWK, a Web Crypto `CryptoKey` or an SPKI PEM string. */
  publicKey: JsonWebKey | CryptoKey | string;
}

/** A registered app as the mock stores it. */
export interface AppRecord {
  clientId: string;
  clientSecret: string;
  scopes: string[];
}

/** A registered public key as the mock stores it. */
export interface KeyRecord {
  privateKeyId: string;
  clientId: string;
  key: Promise<CryptoKey | Uint8Array>;
}

/** Registry of apps and their public keys; one per mock instance. */
export class AppRegistry {
  readonly #apps = new Map<string, AppRecord>();
  readonly #keys = new Map<string, KeyRecord>();
  #lastClientId: string | undefined;

  registerApp(input: RegisterAppInput = {}): RegisteredApp {
    const clientId = input.clientId ?? crypto.randomUUID();
    const clientSecret = input.clientSecret ?? randomSecret();
    const scopes = [...(input.scopes ?? defaultScopes)];
    this.#apps.set(clientId, { clientId, clientSecret, scopes });
    this.#lastClientId = clientId;
    return { clientId, clientSecret };
  }

  registerPrivateKey(input: RegisterPrivateKeyInput): { privateKeyId: string; clientId: string } {
    const clientId = input.clientId ?? this.#lastClientId ?? this.registerApp().clientId;
    if (!this.#apps.has(clientId)) {
      throw new Error(
        `Unknown client id "${clientId}": call registerApp({ clientId }) before registering its key.`,
      );
    }
    const privateKeyId = input.privateKeyId ?? crypto.randomUUID();
    const key = importPublicKey(input.publicKey);
    // Keeps an import failure from surfacing as an unhandled rejection before first use.
    key.catch(() => undefined);
    this.#keys.set(privateKeyId, { privateKeyId, clientId, key });
    return { privateKeyId, clientId };
  }

  app(clientId: string): AppRecord | undefined {
    return this.#apps.get(clientId);
  }

  key(privateKeyId: string): KeyRecord | undefined {
    return this.#keys.get(privateKeyId);
  }

  clear(): void {
    this.#apps.clear();
    this.#keys.clear();
    this.#lastClientId = undefined;
  }
}

function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function importPublicKey(input: JsonWebKey | CryptoKey | string): Promise<CryptoKey | Uint8Array> {
  if (typeof input === 'string') {
    if (!input.includes('-----BEGIN PUBLIC KEY-----')) {
      throw new TypeError(
        'Invalid publicKey: expected an SPKI PEM ("-----BEGIN PUBLIC KEY-----"), a JWK or a CryptoKey. Pass the public half of the key pair, never the private key.',
      );
    }
    return importSPKI(input, 'ES256');
  }
  if (isCryptoKey(input)) {
    const algorithm = input.algorithm as EcKeyAlgorithm;
    if (input.type !== 'public' || algorithm.name !== 'ECDSA' || algorithm.namedCurve !== 'P-256') {
      throw new TypeError(
        `Invalid publicKey: expected an ECDSA P-256 public CryptoKey, got a ${input.type} ${algorithm.name} key.`,
      );
    }
    return Promise.resolve(input);
  }
  if (input.kty !== 'EC' || input.crv !== 'P-256' || !input.x || !input.y) {
    throw new TypeError(
      `Invalid publicKey JWK: expected kty "EC" with crv "P-256", x and y, got kty "${input.kty}" crv "${input.crv}".`,
    );
  }
  // Only the public members are kept, so a private JWK passed by mistake is never used for signing.
  const { kty, crv, x, y } = input;
  return importJWK({ kty, crv, x, y }, 'ES256');
}

function isCryptoKey(value: unknown): value is CryptoKey {
  return typeof CryptoKey !== 'undefined' && value instanceof CryptoKey;
}
