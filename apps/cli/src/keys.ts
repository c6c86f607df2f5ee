/** A P-256 key pair in the formats the console and the mock use. */
export interface GeneratedKeyPair {
  /** The private key as a PKCS#8 PEM, as in the console's credentials download. */
  privateKeyPem: string;
  /** The public key as a JWK, for registering with the mock. */
  publicJwk: JsonWebKey;
}

/** Generates a fresh P-256 key pair with Web Crypto. */
export async function generateP256KeyPair(): Promise<GeneratedKeyPair> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const base64 = Buffer.from(pkcs8).toString('base64');
  const body = base64.match(/.{1,64}/g)?.join('\n') ?? base64;
  return {
    privateKeyPem: `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n`,
    publicJwk: await crypto.subtle.exportKey('jwk', pair.publicKey),
  };
}
