import assert from 'node:assert/strict';
import { DEFAULT_GENERATED_LENGTH, GENERATED_ALPHABETS, generatedLengthProblem, generateSecretValue } from '../../../src/core/generate-value';

describe('core/generate-value', () => {
  it('makes 32 URL-safe characters by default, different each time', () => {
    const first = generateSecretValue();
    assert.equal(first.length, DEFAULT_GENERATED_LENGTH);
    assert.match(first, /^[A-Za-z0-9_-]+$/);
    assert.notEqual(generateSecretValue(), first);
  });

  it('keeps to the alphabet and length asked for', () => {
    assert.match(generateSecretValue(64, 'hex'), /^[0-9a-f]{64}$/);
    assert.match(generateSecretValue(20, 'alphanumeric'), /^[A-Za-z0-9]{20}$/);
  });

  it('uses every character of an alphabet whose size does not divide 256, about evenly', () => {
    const counts = new Map<string, number>();
    for (const character of generateSecretValue(4096, 'alphanumeric') + generateSecretValue(4096, 'alphanumeric')) {
      counts.set(character, (counts.get(character) ?? 0) + 1);
    }
    assert.equal(counts.size, GENERATED_ALPHABETS.alphanumeric.length);
    const expected = 8192 / 62;
    for (const count of counts.values()) assert.ok(count > expected * 0.5 && count < expected * 1.5, `count ${count}`);
  });

  it('refuses lengths that are too short, too long or not whole', () => {
    for (const length of [15, 4097, 20.5]) {
      assert.match(generatedLengthProblem(length)!, /16 to 4096/);
      assert.throws(() => generateSecretValue(length), /16 to 4096/);
    }
    assert.equal(generatedLengthProblem(16), undefined);
  });
});
