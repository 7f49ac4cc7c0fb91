import type { SecretReference } from './model';
import type { FingerprintMatcher } from './store';

/** One stored value as a matcher knows it: which secret, its keyed fingerprint and, when known, its length. */
export interface FingerprintEntry {
  readonly reference: SecretReference;
  readonly fingerprint: string;
  /** The value's length in UTF-8 bytes; undefined when the store does not know it (a ledger written before lengths were kept). */
  readonly valueByteLength?: number;
}

/**
 * A matcher over `entries` that computes a literal's fingerprint (an HMAC, the costly part of matching)
 * only when the literal's UTF-8 length is the length of some stored value. A value's length says little
 * about it; a literal of another length cannot be that value. When any entry's length is unknown,
 * every literal is fingerprinted.
 */
export function createFingerprintMatcher(entries: Iterable<FingerprintEntry>, fingerprintOf: (value: string) => string): FingerprintMatcher {
  const byFingerprint = new Map<string, SecretReference[]>();
  let lengths: Set<number> | undefined = new Set();
  for (const { reference, fingerprint, valueByteLength } of entries) {
    const references = byFingerprint.get(fingerprint) ?? [];
    references.push(reference);
    byFingerprint.set(fingerprint, references);
    if (valueByteLength === undefined) lengths = undefined;
    else lengths?.add(valueByteLength);
  }
  if (!lengths) return (literal: string) => (literal ? (byFingerprint.get(fingerprintOf(literal)) ?? []) : []);
  const valueByteLengths: ReadonlySet<number> = lengths;
  const shortest = Math.min(...valueByteLengths);
  const longest = Math.max(...valueByteLengths);
  const match = (literal: string): readonly SecretReference[] => {
    // A string of n UTF-16 units takes n to 3n bytes in UTF-8: most literals are ruled out before measuring.
    if (literal.length === 0 || literal.length > longest || literal.length * 3 < shortest) return [];
    if (!valueByteLengths.has(Buffer.byteLength(literal, 'utf8'))) return [];
    return byFingerprint.get(fingerprintOf(literal)) ?? [];
  };
  return Object.assign(match, { valueByteLengths });
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
