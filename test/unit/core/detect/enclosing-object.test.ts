import assert from 'node:assert/strict';
import { enclosingOpenBrace, objectOwnText } from '../../../../src/core/detect/enclosing-object';

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

  it("reads an object's own members, without those of the objects and lists nested in it", () => {
    const text = '{"a": {"b": 1}, "secret": "x", "c": [{"d": 2}]} after';
    assert.equal(objectOwnText(text, 0, 1000), '"a": , "secret": "x", "c": ');
    assert.equal(objectOwnText(text, 0, 10), '"a": ');
  });
});
