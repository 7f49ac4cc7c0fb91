import assert from 'node:assert/strict';
import { generateKey, keyedFingerprint } from '../../../src/core/crypto';
import { createFingerprintMatcher, emptyFingerprintMatcher, mayMatchLiteralsOf, valueChecksum, type FingerprintEntry } from '../../../src/core/fingerprint-matcher';

const key = generateKey();
const stripe = { vault: 'api-keys', key: 'stripe' };
const unicode = { vault: 'api-keys', key: 'unicode' };

function entry(reference: FingerprintEntry['reference'], value: string, known: { length?: boolean; checksum?: boolean } = {}): FingerprintEntry {
  return {
    reference,
    fingerprint: keyedFingerprint(key, value),
    ...(known.length === false ? {} : { valueByteLength: Buffer.byteLength(value, 'utf8') }),
    ...(known.checksum === false ? {} : { valueChecksum: valueChecksum(value) }),
  };
}

/** A matcher whose fingerprint function counts its calls. */
function countingMatcher(entries: FingerprintEntry[]) {
  const fingerprinted: string[] = [];
  const matcher = createFingerprintMatcher(entries, (literal) => {
    fingerprinted.push(literal);
    return keyedFingerprint(key, literal);
  });
  return { matcher, fingerprinted };
}

describe('core/fingerprint-matcher', () => {
  const value = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';

  it('finds the stored value, and fingerprints no literal of another UTF-8 length', () => {
    const { matcher, fingerprinted } = countingMatcher([entry(stripe, value), entry(unicode, 'grüße 🔑 秘密')]);
    assert.deepEqual(matcher.valueByteLengths, new Set([32, Buffer.byteLength('grüße 🔑 秘密')]));
    for (const other of ['sk_live_4eC39HqLyjWDarjtT1zdp7d', `${value}x`, 'a'.repeat(200), '', 'grüsse 🔑 秘密']) assert.deepEqual(matcher(other), []);
    assert.deepEqual(fingerprinted, []);
    assert.deepEqual(matcher(value), [stripe]);
    assert.deepEqual(matcher('grüße 🔑 秘密'), [unicode]);
    assert.deepEqual(fingerprinted, [value, 'grüße 🔑 秘密']);
  });

  it('fingerprints no literal of the right length whose checksum is no stored value\'s', () => {
    const { matcher, fingerprinted } = countingMatcher([entry(stripe, value)]);
    const sameLength = 'sk_live_4eC39HqLyjWDarjtT1zdp7dX';
    assert.deepEqual(matcher(sameLength), []);
    assert.deepEqual(fingerprinted, []);
  });

  it('fingerprints every literal of a length where some value has no checksum', () => {
    const { matcher, fingerprinted } = countingMatcher([entry(stripe, value), entry({ vault: 'v-1', key: 'k-1' }, 'x'.repeat(32), { checksum: false })]);
    assert.deepEqual(matcher('y'.repeat(32)), []);
    assert.deepEqual(matcher('y'.repeat(31)), []);
    assert.deepEqual(fingerprinted, ['y'.repeat(32)]);
    assert.deepEqual(matcher(value), [stripe]);
  });

  it('fingerprints every literal when any value\'s length is unknown, and still finds the values', () => {
    const { matcher, fingerprinted } = countingMatcher([entry(stripe, value), entry(unicode, 'no length kept', { length: false, checksum: false })]);
    assert.equal(matcher.valueByteLengths, undefined);
    assert.deepEqual(matcher('a literal of no stored length at all'), []);
    assert.deepEqual(matcher('no length kept'), [unicode]);
    assert.deepEqual(matcher(value), [stripe]);
    assert.deepEqual(matcher(''), []);
    assert.equal(fingerprinted.length, 3);
  });

  it('tells when no literal of a minimum length can match', () => {
    assert.equal(mayMatchLiteralsOf(emptyFingerprintMatcher(), 8), false);
    assert.deepEqual(emptyFingerprintMatcher()('anything at all'), []);
    assert.equal(mayMatchLiteralsOf(countingMatcher([entry(stripe, 'short')]).matcher, 8), false);
    assert.equal(mayMatchLiteralsOf(countingMatcher([entry(stripe, value)]).matcher, 8), true);
    assert.equal(mayMatchLiteralsOf(countingMatcher([entry(stripe, 'short', { length: false })]).matcher, 8), true);
    assert.equal(mayMatchLiteralsOf(() => [], 8), true);
  });
});
