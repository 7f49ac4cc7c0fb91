import assert from 'node:assert/strict';
import { enclosingOpenBrace } from '../../../../src/core/detect/enclosing-object';

describe('core/detect/enclosing-object', () => {
  it('finds the brace that opens the object around an offset, past nested objects', () => {
    const text = '{"a": {"b": 1}, "secret": "x", "c": [{"d": 2}]}';
    assert.equal(enclosingOpenBrace(text, text.indexOf('"secret"'), 1000), 0);
    assert.equal(enclosingOpenBrace(text, text.indexOf('"b"'), 1000), text.indexOf('{"b"'));
  });

  it('gives up outside any object and past its window', () => {
    assert.equal(enclosingOpenBrace('no braces here', 5, 1000), undefined);
    const far = `{${' '.repeat(50)}"secret": 1}`;
    assert.equal(enclosingOpenBrace(far, far.indexOf('"secret"'), 10), undefined);
  });
});
