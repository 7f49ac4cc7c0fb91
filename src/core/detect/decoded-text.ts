// What a hex, base64 or base32 literal decodes to: printable text, or a JSON object, when it decodes to one at all.

/**
 * The text a hex value decodes to, when it is printable ASCII (`7468697320…` is "this should not
 * appear", `65794a6862` is "eyJhb"): random bytes are all printable once in 10^7 for 16 of them,
 * and 5 are all letters or digits once in a thousand.
 */
export function decodedHexText(value: string): string | undefined {
  if (value.length < 10 || value.length % 2 === 1 || !/^[0-9a-fA-F]+$/.test(value)) return undefined;
  const decoded = Buffer.from(value, 'hex').toString('latin1').replace(/\r?\n$/, '');
  if (value.length < 16) return /^[A-Za-z0-9]+$/.test(decoded) ? decoded : undefined;
  return /^[\x20-\x7e]+$/.test(decoded) ? decoded : undefined;
}

/** The text a base64 value decodes to, when it is printable ASCII; undefined otherwise. */
export function decodedBase64Text(value: string): string | undefined {
  if (value.length % 4 === 1 || !/^(?:[A-Za-z0-9+/]{8,}={0,2}|[A-Za-z0-9+/]{4,}={1,2})$/.test(value)) return undefined;
  // `echo postgres | base64` encodes the newline too.
  const decoded = Buffer.from(value, 'base64').toString('latin1').replace(/\r?\n$/, '');
  return /^[\x20-\x7e]{4,}$/.test(decoded) ? decoded : undefined;
}

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The text a base32 value (a TOTP secret's encoding) decodes to, when it is printable ASCII:
 * `ONTGOYLTMZQXGZDB…` is "sfgasfasd…", a test's filler. Ten random bytes are all printable once in 20,000.
 */
export function decodedBase32Text(value: string): string | undefined {
  if (value.length < 16 || !/^[A-Z2-7]+=*$/.test(value)) return undefined;
  const decoded = String.fromCharCode(...base32Bytes(value));
  return /^[\x20-\x7e]{8,}$/.test(decoded) ? decoded : undefined;
}

/** The bytes of base32 text (RFC 4648's alphabet, padding ignored); the caller checks the alphabet. */
export function base32Bytes(value: string): number[] {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const character of value.replace(/=+$/, '')) {
    buffer = ((buffer << 5) | BASE32_ALPHABET.indexOf(character)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

/** The JSON object the base64 (or base64url) text decodes to; undefined when it decodes to anything else. */
export function decodedJsonObject(base64: string): object | undefined {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
    return typeof decoded === 'object' && decoded !== null && !Array.isArray(decoded) ? decoded : undefined;
  } catch {
    return undefined;
  }
}

/** True when the base64 (or base64url) text decodes to a JSON object. */
export function decodesToJsonObject(base64: string): boolean {
  return decodedJsonObject(base64) !== undefined;
}
