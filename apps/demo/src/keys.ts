/** The JSON file the High Mobility console offers for download when a private key is created. */
export interface CredentialsFile {
  client_id: string;
  /** The private key's id, which the SDK puts in the assertion's `iss` claim. */
  id: string;
  /** The private key as a PKCS#8 PEM. */
  private_key: string;
  /** When the key was created, as an ISO 8601 timestamp. */
  inserted_at: string;
}

/** A P-256 key pair made in the page, with its private key exported as PKCS#8 PEM. */
export interface GeneratedKeyPair {
  publicKey: CryptoKey;
  privateKeyPem: string;
}

function toPem(label: string, der: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(der)) binary += String.fromCharCode(byte);
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * Generates an ECDSA P-256 key pair with Web Crypto, as the console does for an ES256 key.
 * The private key has to be extractable once, to export it as the PEM the credentials file holds.
 */
export async function generateKeyPair(): Promise<GeneratedKeyPair> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', pair.privateKey);
  return { publicKey: pair.publicKey, privateKeyPem: toPem('PRIVATE KEY', pkcs8) };
}
