import assert from 'node:assert/strict';
import { escapeControlCharacters, printableText } from '../../../src/core/printable-text';

describe('core/printable-text', () => {
  it('escapes line breaks, terminal escapes and bidirectional marks, and leaves other text alone', () => {
    assert.equal(escapeControlCharacters('a\nb\u001b]0;title\u0007'), 'a\\nb\\u001b]0;title\\u0007');
    assert.equal(escapeControlCharacters('left\u202eright\u2028'), 'left\\u202eright\\u2028');
    assert.equal(escapeControlCharacters('café — 名前'), 'café — 名前');
  });

  it('cuts escaped text at the limit and says how much was left out', () => {
    assert.equal(printableText('short', 10), 'short');
    assert.equal(printableText('x'.repeat(15), 10), `${'x'.repeat(10)}… (5 more characters)`);
    assert.equal(printableText('\n'.repeat(6), 10), `${'\\n'.repeat(5)}… (2 more characters)`);
  });
});
