import { base32Bytes } from '../decoded-text';
import { formatRule } from './format-rule';
import { wholeMatchIfCredential } from './credential-match';

/**
 * A NATS nkey seed: "S", the kind of key it makes ("U" user, "A" account, "O" operator, "N" server,
 * "C" cluster, "X" curve), then base32 of an Ed25519 seed and a CRC-16 of it all, 58 characters.
 * Whoever holds one signs in as that user (or signs for that account). The JWT beside it in a
 * `.creds` file is a public claim.
 */
export const natsSeedRule = formatRule({
  id: 'secret-manager/nats-nkey-seed',
  title: 'NATS nkey seed',
  requiredText: ['SUA', 'SAA', 'SOA', 'SNA', 'SCA', 'SXA'],
  pattern: /(?<![A-Z2-7])S[UAONCX]A[A-Z2-7]{55}(?![A-Z2-7])/dg,
  accept: (match) => (hasValidChecksum(match[0]) ? wholeMatchIfCredential(match) : undefined),
});

/** The seed's last two bytes are the CRC-16 (XMODEM) of the bytes before them, little-endian. */
function hasValidChecksum(seed: string): boolean {
  const bytes = base32Bytes(seed);
  if (bytes.length !== 36) return false;
  const body = bytes.slice(0, 34);
  return crc16Xmodem(body) === (bytes[34] | (bytes[35] << 8));
}

function crc16Xmodem(bytes: readonly number[]): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}
