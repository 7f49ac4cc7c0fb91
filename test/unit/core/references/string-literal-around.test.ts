import assert from 'node:assert/strict';
import { loadParser } from '../../../../src/core/references/load-parser';

const parser = loadParser();

function around(text: string, inner: string, fileName = 'file.ts') {
  const start = text.indexOf(inner);
  assert.ok(start >= 0, 'the text must hold the inner part');
  const found = parser.stringLiteralAround(parser.parseSource(fileName, text), { start, end: start + inner.length });
  return found && { text: text.slice(found.range.start, found.range.end), value: found.value };
}

describe('stringLiteralAround', () => {
  it('finds the whole literal around a credential inside it', () => {
    const text = 'const headers = { Authorization: "Bearer tok_0123456789" };';
    assert.deepEqual(around(text, 'tok_0123456789'), { text: '"Bearer tok_0123456789"', value: 'Bearer tok_0123456789' });
  });

  it('decodes escapes in the value and keeps the quotes in the range', () => {
    const text = "const key = 'a\\'b-0123456789';";
    assert.deepEqual(around(text, 'b-0123456789'), { text: "'a\\'b-0123456789'", value: "a'b-0123456789" });
  });

  it('accepts a template literal without substitutions', () => {
    assert.deepEqual(around('const key = `plain-0123456789`;', 'plain-0123456789'), { text: '`plain-0123456789`', value: 'plain-0123456789' });
  });

  it('refuses a template with substitutions, text outside strings and unterminated literals', () => {
    assert.equal(around('const key = `x-${y}-0123456789`;', '0123456789'), undefined);
    assert.equal(around('const key = value0123456789;', 'value0123456789'), undefined);
    assert.equal(around('const key = "open-0123456789', 'open-0123456789'), undefined);
  });

  it('refuses a stretch that runs past the literal', () => {
    assert.equal(around('call("abc", "def")', 'abc", "def'), undefined);
  });
});
