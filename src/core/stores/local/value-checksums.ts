import { AuthenticationFailedError, open, seal } from '../../crypto';
import type { StoredVault } from './body-schema';

/**
 * Each vault keeps, sealed under the data key, a 32-bit checksum of each current value by its
 * fingerprint. Leak matching compares a literal's checksum (cheap) before its HMAC (not cheap), so that
 * a literal whose length is a stored value's but whose content is not pays no HMAC. Sealed, the
 * checksums reveal nothing in the file; in memory they reveal no more than the fingerprint key does.
 * Keyed by fingerprint, an entry can never be wrong for a value: an older build that rotates a value
 * without updating them leaves an entry no secret's fingerprint finds, and that secret is matched by HMAC.
 */
function checksumsContext(storeId: string, vaultName: string): string {
  return JSON.stringify(['value-checksums', storeId, vaultName]);
}

/** The vault's checksums by fingerprint; empty when it has none, or none that open (they only save time). */
export function openValueChecksums(dataKey: Buffer, storeId: string, vaultName: string, vault: StoredVault): Map<string, number> {
  const box: unknown = vault.valueChecksums;
  // A format-2 body is not deeply validated (store-file.ts): this optional field is checked here, and
  // anything unexpected only means no checksums.
  if (typeof box !== 'object' || box === null || !('nonce' in box && 'ciphertext' in box)) return new Map();
  if (typeof box.nonce !== 'string' || typeof box.ciphertext !== 'string') return new Map();
  let entries: unknown;
  try {
    entries = JSON.parse(open(dataKey, { nonce: box.nonce, ciphertext: box.ciphertext }, checksumsContext(storeId, vaultName)).toString('utf8'));
  } catch (error) {
    if (error instanceof AuthenticationFailedError || error instanceof SyntaxError) return new Map();
    throw error;
  }
  const checksums = new Map<string, number>();
  if (typeof entries !== 'object' || entries === null) return checksums;
  for (const [fingerprint, checksum] of Object.entries(entries)) if (Number.isInteger(checksum)) checksums.set(fingerprint, checksum as number);
  return checksums;
}

/** Adds the checksum of a value just written, and drops those of values no secret of the vault holds now. */
export function addValueChecksum(dataKey: Buffer, storeId: string, vaultName: string, vault: StoredVault, fingerprint: string, checksum: number): void {
  const checksums = openValueChecksums(dataKey, storeId, vaultName, vault);
  checksums.set(fingerprint, checksum);
  const current = new Set(Object.values(vault.secrets).map((secret) => secret.fingerprint));
  current.add(fingerprint);
  const entries = Object.fromEntries([...checksums].filter(([held]) => current.has(held)));
  vault.valueChecksums = seal(dataKey, Buffer.from(JSON.stringify(entries), 'utf8'), checksumsContext(storeId, vaultName));
}
