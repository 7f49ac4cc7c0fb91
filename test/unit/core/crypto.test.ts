import assert from 'node:assert/strict';
import {
  AuthenticationFailedError,
  authenticationCode,
  authenticationCodeMatches,
  authenticationCodeOfParts,
  authenticationCodesEqual,
  contentDigest,
  deriveKeyFromPassphrase,
  deriveSubkey,
  generateKey,
  keyedFingerprint,
  open,
  seal,
} from '../../../src/core/crypto';

const CANARY = 'canary-value-7f3a9e';

function flipByte(base64: string, index: number): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[index] ^= 0x01;
  return bytes.toString('base64');
}

describe('core/crypto', () => {
  const key = generateKey();
  const context = JSON.stringify(['secret-value', 'store', 'vault', 'key', 1]);

  it('seals and opens a value with its associated data', () => {
    const box = seal(key, Buffer.from(CANARY), context);
    assert.equal(open(key, box, context).toString(), CANARY);
    assert.ok(!Buffer.from(box.ciphertext, 'base64').includes(Buffer.from(CANARY)));
  });

  it('uses a fresh 12-byte nonce for every seal', () => {
    const first = seal(key, Buffer.from(CANARY), context);
    const second = seal(key, Buffer.from(CANARY), context);
    assert.equal(Buffer.from(first.nonce, 'base64').length, 12);
    assert.notEqual(first.nonce, second.nonce);
    assert.notEqual(first.ciphertext, second.ciphertext);
  });

  it('refuses other associated data, another key, and any flipped byte', () => {
    const box = seal(key, Buffer.from(CANARY), context);
    const otherContext = JSON.stringify(['secret-value', 'store', 'vault', 'key', 2]);
    assert.throws(() => open(key, box, otherContext), AuthenticationFailedError);
    assert.throws(() => open(generateKey(), box, context), AuthenticationFailedError);
    const length = Buffer.from(box.ciphertext, 'base64').length;
    for (const index of [0, Math.floor(length / 2), length - 1]) {
      assert.throws(() => open(key, { ...box, ciphertext: flipByte(box.ciphertext, index) }, context), AuthenticationFailedError);
    }
    assert.throws(() => open(key, { ...box, nonce: flipByte(box.nonce, 3) }, context), AuthenticationFailedError);
    assert.throws(() => open(key, { ...box, ciphertext: '' }, context), AuthenticationFailedError);
  });

  it('derives distinct, repeatable subkeys per purpose', () => {
    const values = deriveSubkey(key, 'values');
    assert.equal(values.length, 32);
    assert.deepEqual(deriveSubkey(key, 'values'), values);
    assert.notDeepEqual(deriveSubkey(key, 'mac'), values);
    assert.notDeepEqual(deriveSubkey(generateKey(), 'values'), values);
  });

  it('derives the same key from the same passphrase and salt, another from another salt', async () => {
    const parameters = { N: 1024, r: 8, p: 1 };
    const salt = Buffer.from('0123456789abcdef');
    const first = await deriveKeyFromPassphrase('correct horse', salt, parameters);
    assert.deepEqual(await deriveKeyFromPassphrase('correct horse', salt, parameters), first);
    assert.notDeepEqual(await deriveKeyFromPassphrase('correct horse', Buffer.from('fedcba9876543210'), parameters), first);
    assert.notDeepEqual(await deriveKeyFromPassphrase('wrong horse', salt, parameters), first);
  });

  it('runs the default scrypt cost (N = 2^15) within its memory limit', async () => {
    const derived = await deriveKeyFromPassphrase('passphrase', Buffer.alloc(16, 1));
    assert.equal(derived.length, 32);
  });

  it('fingerprints values with a key: equal under one key, different under another, never the value', () => {
    const fingerprintKey = generateKey();
    const fingerprint = keyedFingerprint(fingerprintKey, CANARY);
    assert.equal(keyedFingerprint(fingerprintKey, CANARY), fingerprint);
    assert.notEqual(keyedFingerprint(fingerprintKey, `${CANARY}x`), fingerprint);
    assert.notEqual(keyedFingerprint(generateKey(), CANARY), fingerprint);
    assert.ok(!fingerprint.includes(CANARY));
  });

  it('checks authentication codes', () => {
    const code = authenticationCode(key, 'body');
    assert.ok(authenticationCodeMatches(key, 'body', code));
    assert.ok(!authenticationCodeMatches(key, 'bodY', code));
    assert.ok(!authenticationCodeMatches(generateKey(), 'body', code));
    assert.ok(!authenticationCodeMatches(key, 'body', ''));
  });

  it('authenticates byte ranges as their concatenation, and compares codes exactly', () => {
    const whole = authenticationCode(key, 'head,line-1,line-2');
    assert.equal(authenticationCodeOfParts(key, [Buffer.from('head,'), Buffer.from('line-1,'), Buffer.from('line-2')]), whole);
    assert.equal(authenticationCodeOfParts(key, [Buffer.from('head,line-1,line-2')]), whole);
    assert.notEqual(authenticationCodeOfParts(generateKey(), [Buffer.from('head,line-1,line-2')]), whole);
    assert.ok(authenticationCodesEqual(whole, whole));
    assert.ok(!authenticationCodesEqual(whole, `${whole[0] === 'A' ? 'B' : 'A'}${whole.slice(1)}`));
    assert.ok(!authenticationCodesEqual(whole, whole.slice(0, -1)));
    assert.ok(!authenticationCodesEqual(whole, ''));
  });

  it('digests content with SHA-256', () => {
    assert.equal(contentDigest(Buffer.from('abc')).toString('hex'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.notDeepEqual(contentDigest(Buffer.from('abd')), contentDigest(Buffer.from('abc')));
  });
});
