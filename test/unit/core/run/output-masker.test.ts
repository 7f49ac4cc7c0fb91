import assert from 'node:assert/strict';
import { CONCEALED, createOutputMasker } from '../../../../src/core/run/output-masker';

function maskAll(values: readonly string[], chunks: readonly string[]): string {
  const masker = createOutputMasker(values, '***');
  return chunks.map((chunk) => masker.write(chunk)).join('') + masker.end();
}

describe('core/run/output-masker', () => {
  it('replaces every occurrence of a value with the concealment text by default', () => {
    const masker = createOutputMasker(['s3cr3t-value']);
    const shown = masker.write('key=s3cr3t-value and again s3cr3t-value\n') + masker.end();
    assert.equal(shown, `key=${CONCEALED} and again ${CONCEALED}\n`);
  });

  it('finds a value split across two writes, at every split point', () => {
    const value = 'split-me-value';
    for (let cut = 1; cut < value.length; cut++) {
      const text = `before ${value} after`;
      const at = 'before '.length + cut;
      assert.equal(maskAll([value], [text.slice(0, at), text.slice(at)]), 'before *** after', `cut at ${cut}`);
    }
  });

  it('finds a value written one character at a time', () => {
    assert.equal(maskAll(['abcdef'], [...'xxabcdefyy']), 'xx***yy');
  });

  it('shows text at once when it cannot be the start of a value', () => {
    const masker = createOutputMasker(['secret-value'], '***');
    assert.equal(masker.write('hello\n'), 'hello\n');
    assert.equal(masker.write('a sec'), 'a ');
    assert.equal(masker.write('ond'), 'second');
    assert.equal(masker.end(), '');
  });

  it('releases a held prefix at the end when the value never completed', () => {
    const masker = createOutputMasker(['secret-value'], '***');
    assert.equal(masker.write('tail secret-va'), 'tail ');
    assert.equal(masker.end(), 'secret-va');
  });

  it('conceals the longer of two values that start at the same place', () => {
    assert.equal(maskAll(['abc', 'abcdef'], ['x abcdef y']), 'x *** y');
    assert.equal(maskAll(['abc', 'abcdef'], ['x abc', 'def y']), 'x *** y');
    assert.equal(maskAll(['abc', 'abcdef'], ['x abc', 'dx']), 'x ***dx');
  });

  it('conceals the first of two overlapping values whole, across a write boundary', () => {
    assert.equal(maskAll(['abcd', 'cdzz'], ['abcdz']), '***z');
    assert.equal(maskAll(['abcd', 'cdzz'], ['ab', 'cdzz']), '***zz');
    assert.equal(maskAll(['abcd', 'cdzz'], ['xcdz', 'z']), 'x***');
  });

  it('treats values as text, not as patterns', () => {
    assert.equal(maskAll(['a.c', '(x)'], ['abc a.c (x) x']), 'abc *** *** x');
  });

  it('passes text through untouched with no values, or only empty ones', () => {
    assert.equal(maskAll([], ['anything']), 'anything');
    assert.equal(maskAll([''], ['anything']), 'anything');
  });

  it('conceals a multi-line value', () => {
    assert.equal(maskAll(['line-one\nline-two'], ['a line-one\n', 'line-two b']), 'a *** b');
  });
});
