import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** AES-256-GCM: 32-byte keys, a fresh 12-byte nonce per message, a 16-byte tag appended to the ciphertext. */
const CIPHER = 'aes-256-gcm';
export const KEY_LENGTH = 32;
const NONCE_LENGTH = 12;
const TAG_LENGTH = 16;

/** A sealed message as stored in JSON files: base64 nonce and base64 ciphertext-with-tag. */
export interface SealedBox {
  readonly nonce: string;
  readonly ciphertext: string;
}

/** Thrown when a sealed message fails authentication: wrong key, wrong associated data, or altered bytes. */
export class AuthenticationFailedError extends Error {
  constructor() {
    super('The encrypted data failed authentication.');
    this.name = 'AuthenticationFailedError';
  }
}

export function generateKey(): Buffer {
  return randomBytes(KEY_LENGTH);
}

/** Encrypts with a fresh random nonce; `associatedData` is authenticated but not stored. */
export function seal(key: Buffer, plaintext: Buffer, associatedData: string): SealedBox {
  const nonce = randomBytes(NONCE_LENGTH);
  const cipher = createCipheriv(CIPHER, key, nonce, { authTagLength: TAG_LENGTH });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { nonce: nonce.toString('base64'), ciphertext: body.toString('base64') };
}

export function open(key: Buffer, box: SealedBox, associatedData: string): Buffer {
  const nonce = Buffer.from(box.nonce, 'base64');
  const body = Buffer.from(box.ciphertext, 'base64');
  if (nonce.length !== NONCE_LENGTH || body.length < TAG_LENGTH) throw new AuthenticationFailedError();
  try {
    const decipher = createDecipheriv(CIPHER, key, nonce, { authTagLength: TAG_LENGTH });
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - TAG_LENGTH));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_LENGTH)), decipher.final()]);
  } catch {
    throw new AuthenticationFailedError();
  }
}

/**
 * The plaintext's length in bytes, read from the sealed box without opening it: AES-GCM adds no padding,
 * so the stored ciphertext already shows it. Undefined for a box that cannot be one this code sealed.
 */
export function sealedPlaintextLength(box: SealedBox): number | undefined {
  const length = Buffer.byteLength(box.ciphertext, 'base64') - TAG_LENGTH;
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

/** Derives an independent key for one purpose from a root key (HKDF-SHA256). */
export function deriveSubkey(rootKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', rootKey, Buffer.alloc(0), `secret-manager/${purpose}`, KEY_LENGTH));
}

export interface ScryptParameters {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** About 0.1 s and 32 MiB per derivation: slow for guessing, quick enough to open a store. */
export const DEFAULT_SCRYPT_PARAMETERS: ScryptParameters = { N: 2 ** 15, r: 8, p: 1 };

export function deriveKeyFromPassphrase(
  passphrase: string,
  salt: Buffer,
  parameters: ScryptParameters = DEFAULT_SCRYPT_PARAMETERS,
): Promise<Buffer> {
  const maxmem = 256 * parameters.N * parameters.r + 16 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, KEY_LENGTH, { ...parameters, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** A keyed fingerprint of a value: HMAC-SHA256, base64url. Equal values give equal fingerprints under one key. */
export function keyedFingerprint(fingerprintKey: Buffer, value: string): string {
  return createHmac('sha256', fingerprintKey).update(value, 'utf8').digest('base64url');
}

export function authenticationCode(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('base64');
}

export function authenticationCodeMatches(key: Buffer, text: string, expected: string): boolean {
  const actual = Buffer.from(authenticationCode(key, text), 'base64');
  const given = Buffer.from(expected, 'base64');
  return actual.length === given.length && timingSafeEqual(actual, given);
}

/** An HMAC-SHA256 over the concatenation of `parts`, base64, without joining them in memory. */
export function authenticationCodeOfParts(key: Buffer, parts: Iterable<Buffer>): string {
  const hmac = createHmac('sha256', key);
  for (const part of parts) hmac.update(part);
  return hmac.digest('base64');
}

/** Compares two authentication codes in constant time. */
export function authenticationCodesEqual(actual: string, expected: string): boolean {
  const left = Buffer.from(actual, 'latin1');
  const right = Buffer.from(expected, 'latin1');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** SHA-256 of some bytes: a digest that stands for them inside an authentication code. */
export function contentDigest(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes).digest();
}
