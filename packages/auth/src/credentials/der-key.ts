import {
  concatBytes,
  contentOf,
  type DerElement,
  DerError,
  decodeOid,
  encodeElement,
  encodeOid,
  readChildren,
  readElement,
  Tag,
} from './der.js';
import {
  damagedKeyError,
  describeOid,
  publicKeyError,
  wrongAlgorithmError,
  wrongCurveError,
} from './key-errors.js';

const OID_EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const OID_P256 = '1.2.840.10045.3.1.7';
const P256_SCALAR_BYTES = 32;

/**
 * Checks that DER bytes are a PKCS#8 PrivateKeyInfo (RFC 5208) for an EC P-256 key and returns
 * them unchanged. Throws an `InvalidPrivateKeyError` that names the algorithm or curve found.
 */
export function checkPkcs8(der: Uint8Array): Uint8Array {
  return withDerErrors(() => {
    const [version, algorithm, privateKey] = topLevelChildren(der);
    if (version?.tag === Tag.sequence && algorithm?.tag === Tag.bitString) {
      throw publicKeyError('a SubjectPublicKeyInfo (SPKI) structure');
    }
    if (version?.tag !== Tag.integer || algorithm?.tag !== Tag.sequence) {
      throw damagedKeyError('it is not a PKCS#8 PrivateKeyInfo structure', false);
    }
    const [algorithmOid, parameters] = readChildren(der, algorithm);
    if (algorithmOid?.tag !== Tag.oid) {
      throw damagedKeyError('the PKCS#8 algorithm identifier has no OID', false);
    }
    const oid = decodeOid(der, algorithmOid);
    if (oid !== OID_EC_PUBLIC_KEY) {
      throw wrongAlgorithmError(describeOid(oid));
    }
    const curve = parameters?.tag === Tag.oid ? decodeOid(der, parameters) : undefined;
    if (curve !== OID_P256) {
      throw wrongCurveError(
        curve === undefined ? 'with explicit or missing parameters' : describeOid(curve),
      );
    }
    if (privateKey?.tag !== Tag.octetString) {
      throw damagedKeyError('the PKCS#8 structure has no private key octet string', false);
    }
    return der;
  });
}

/**
 * Converts a SEC1 ECPrivateKey (RFC 5915, the `EC PRIVATE KEY` PEM) into PKCS#8, because Web
 * Crypto imports EC private keys only as PKCS#8 or JWK. The SEC1 structure is rebuilt inside the
 * PKCS#8 wrapper with the curve moved to the algorithm identifier and the public key kept.
 */
export function sec1ToPkcs8(der: Uint8Array): Uint8Array {
  return withDerErrors(() => {
    const [version, scalar, ...optional] = topLevelChildren(der);
    if (version?.tag !== Tag.integer || scalar?.tag !== Tag.octetString) {
      throw damagedKeyError('it is not a SEC1 ECPrivateKey structure', false);
    }
    const parameters = optional.find((element) => element.tag === Tag.context0);
    const publicKey = optional.find((element) => element.tag === Tag.context1);
    const curveElement = parameters === undefined ? undefined : readChildren(der, parameters)[0];
    const curve = curveElement?.tag === Tag.oid ? decodeOid(der, curveElement) : undefined;
    // NOTE: a SEC1 key without the curve parameter is assumed to be P-256 when its scalar has
    // 32 bytes, because the structure does not name the curve. Web Crypto still checks the point.
    if (curve !== undefined && curve !== OID_P256) {
      throw wrongCurveError(describeOid(curve));
    }
    const scalarBytes = contentOf(der, scalar);
    if (curve === undefined && scalarBytes.length !== P256_SCALAR_BYTES) {
      throw wrongCurveError(`with a ${scalarBytes.length}-byte private scalar and no curve name`);
    }
    return wrapEcPrivateKey(
      scalarBytes,
      publicKey === undefined ? undefined : der.subarray(publicKey.offset, publicKey.next),
    );
  });
}

/** Checks whether DER bytes look like SEC1 (INTEGER 1, OCTET STRING) rather than PKCS#8. */
export function looksLikeSec1(der: Uint8Array): boolean {
  try {
    const [version, second] = topLevelChildren(der);
    return version?.tag === Tag.integer && second?.tag === Tag.octetString;
  } catch {
    return false;
  }
}

function wrapEcPrivateKey(
  scalar: Uint8Array,
  publicKeyElement: Uint8Array | undefined,
): Uint8Array {
  const padded = new Uint8Array(Math.max(P256_SCALAR_BYTES, scalar.length));
  padded.set(scalar, padded.length - scalar.length);
  const ecPrivateKey = encodeElement(
    Tag.sequence,
    concatBytes(
      encodeElement(Tag.integer, Uint8Array.of(1)),
      encodeElement(Tag.octetString, padded),
      publicKeyElement ?? new Uint8Array(0),
    ),
  );
  const algorithm = encodeElement(
    Tag.sequence,
    concatBytes(encodeOid(OID_EC_PUBLIC_KEY), encodeOid(OID_P256)),
  );
  return encodeElement(
    Tag.sequence,
    concatBytes(
      encodeElement(Tag.integer, Uint8Array.of(0)),
      algorithm,
      encodeElement(Tag.octetString, ecPrivateKey),
    ),
  );
}

function topLevelChildren(der: Uint8Array): DerElement[] {
  const top = readElement(der);
  if (top.tag !== Tag.sequence) {
    throw damagedKeyError('the data does not start with a DER SEQUENCE', false);
  }
  if (top.next !== der.length) {
    throw damagedKeyError(
      `${der.length - top.next} unexpected bytes follow the key structure`,
      false,
    );
  }
  return readChildren(der, top);
}

function withDerErrors<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof DerError) {
      throw damagedKeyError(error.message, error.truncated);
    }
    throw error;
  }
}
