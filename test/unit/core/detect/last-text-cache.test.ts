import assert from 'node:assert/strict';
import { forLastText } from '../../../../src/core/detect/last-text-cache';

describe('core/detect/last-text-cache', () => {
  it('computes once for the same text in a row, and again for another text', () => {
    let calls = 0;
    const lengthOf = forLastText((text: string) => {
      calls += 1;
      return text.length;
    });
    assert.equal(lengthOf('abc'), 3);
    assert.equal(lengthOf('abc'), 3);
    assert.equal(calls, 1);
    assert.equal(lengthOf('abcd'), 4);
    assert.equal(lengthOf('abc'), 3);
    assert.equal(calls, 3);
  });
});
