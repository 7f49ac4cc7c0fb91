import type { SecretReference } from './model';
import type { FingerprintMatcher } from './store';

/** One stored value as a matcher knows it: which secret, its keyed fingerprint and, when known, its length. */
export interface FingerprintEntry {
  readonly reference: SecretReference;
  readonly fingerprint: string;
  /** The value's length in UTF-8 bytes; undefined when the store does not know it (a ledger written before lengths were kept). */
  readonly valueByteLength?: number;
  /** valueChecksum() of the value, when the store keeps it (sealed). */
  readonly valueChecksum?: number;
}

/**
 * A 32-bit FNV-1a checksum of a value's UTF-16 code units: a cheap pre-check before the HMAC, never a
 * fingerprint (it is unkeyed, so stores keep it only encrypted).
 */
export function valueChecksum(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index++) hash = Math.imul(hash ^ value.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

/**
 * A matcher over `entries` that computes a literal's fingerprint (an HMAC, the costly part of matching)
 * only when the literal's UTF-8 length is the length of some stored value, and, where every stored value
 * of that length has a checksum, only when its checksum is one of theirs. A value's length says little
 * about it; a literal of another length cannot be that value. When any entry's length is unknown,
 * every literal is fingerprinted.
 */
export function createFingerprintMatcher(entries: Iterable<FingerprintEntry>, fingerprintOf: (value: string) => string): FingerprintMatcher {
  const byFingerprint = new Map<string, SecretReference[]>();
  /** Checksums of the values of each length; undefined for a length some value of which has none. */
  let checksumsByLength: Map<number, Set<number> | undefined> | undefined = new Map();
  for (const { reference, fingerprint, valueByteLength, valueChecksum: checksum } of entries) {
    const references = byFingerprint.get(fingerprint) ?? [];
    references.push(reference);
    byFingerprint.set(fingerprint, references);
    if (!checksumsByLength || valueByteLength === undefined) {
      checksumsByLength = undefined;
      continue;
    }
    const checksums = checksumsByLength.has(valueByteLength) ? checksumsByLength.get(valueByteLength) : new Set<number>();
    if (checksums && checksum !== undefined) checksums.add(checksum);
    checksumsByLength.set(valueByteLength, checksums && checksum !== undefined ? checksums : undefined);
  }
  if (!checksumsByLength) return (literal: string) => (literal ? (byFingerprint.get(fingerprintOf(literal)) ?? []) : []);
  const lengths = checksumsByLength;
  const valueByteLengths: ReadonlySet<number> = new Set(lengths.keys());
  const shortest = Math.min(...valueByteLengths);
  const longest = Math.max(...valueByteLengths);
  const everyChecksum = checksumsOfEveryLength(lengths);
  const match = (literal: string): readonly SecretReference[] => {
    // A string of n UTF-16 units takes n to 3n bytes in UTF-8: most literals are ruled out before measuring.
    if (literal.length === 0 || literal.length > longest || literal.length * 3 < shortest) return [];
    // Summing a short string here costs less than measuring its UTF-8 length in a call into C++.
    if (everyChecksum && !everyChecksum.has(valueChecksum(literal))) return [];
    const byteLength = Buffer.byteLength(literal, 'utf8');
    if (!lengths.has(byteLength)) return [];
    const checksums = lengths.get(byteLength);
    if (checksums && !checksums.has(valueChecksum(literal))) return [];
    return byFingerprint.get(fingerprintOf(literal)) ?? [];
  };
  return Object.assign(match, { valueByteLengths });
}

/** Every stored value's checksum, when every length has them; undefined when some value has none. */
function checksumsOfEveryLength(checksumsByLength: ReadonlyMap<number, ReadonlySet<number> | undefined>): ReadonlySet<number> | undefined {
  const every = new Set<number>();
  for (const checksums of checksumsByLength.values()) {
    if (!checksums) return undefined;
    for (const checksum of checksums) every.add(checksum);
  }
  return every;
}

/** The matcher of a store with nothing to match. */
export function emptyFingerprintMatcher(): FingerprintMatcher {
  return createFingerprintMatcher([], () => '');
}

/**
 * False when no literal of `minimumLength` characters or more can match (every stored value is
 * shorter, or there is none): then the text need not even be searched for literals.
 */
export function mayMatchLiteralsOf(matcher: FingerprintMatcher, minimumLength: number): boolean {
  const lengths = matcher.valueByteLengths;
  if (lengths === undefined) return true;
  for (const length of lengths) if (length >= minimumLength) return true;
  return false;
}
