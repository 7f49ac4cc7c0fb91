import assert from 'node:assert/strict';
import { parseEnvFile } from '../../../../src/core/env-file/parse-env-file';

function namesAndValues(text: string): Array<[string, string]> {
  return parseEnvFile(text).map((assignment) => [assignment.name, assignment.value]);
}

describe('core/env-file/parse-env-file', () => {
  it('reads bare, quoted and exported assignments, skipping comments and blank lines', () => {
    const text = ['# a comment', '', 'PLAIN=one', 'export EXPORTED=two', "SINGLE='three # not a comment'", 'DOUBLE="four\\nlines"', 'BACKTICK=`five`', 'SPACED = six  # trailing comment', 'EMPTY='].join('\n');
    assert.deepEqual(namesAndValues(text), [
      ['PLAIN', 'one'],
      ['EXPORTED', 'two'],
      ['SINGLE', 'three # not a comment'],
      ['DOUBLE', 'four\nlines'],
      ['BACKTICK', 'five'],
      ['SPACED', 'six'],
      ['EMPTY', ''],
    ]);
  });

  it('reads a # right after = or after whitespace as a comment, and keeps one inside a bare value', () => {
    assert.deepEqual(namesAndValues('COLOR=#fff\nURL=a#b'), [['COLOR', ''], ['URL', 'a#b']]);
  });

  it('reads CRLF files without a carriage return in any value', () => {
    const assignments = parseEnvFile('A=one\r\nB="two"\r\nexport C=three\r\n');
    assert.deepEqual(assignments.map((assignment) => [assignment.name, assignment.value, assignment.line]), [
      ['A', 'one', 0],
      ['B', 'two', 1],
      ['C', 'three', 2],
    ]);
  });

  it('gives offsets of the written value and of the value between its quotes', () => {
    const text = "X=1\nexport KEY='secret-manager://api-keys/stripe-key' # note\n";
    const [, key] = parseEnvFile(text);
    assert.equal(text.slice(key!.rawStart, key!.rawEnd), "'secret-manager://api-keys/stripe-key'");
    assert.equal(text.slice(key!.valueStart, key!.valueEnd), 'secret-manager://api-keys/stripe-key');
    assert.equal(text.slice(key!.nameStart, key!.nameStart + 3), 'KEY');
    assert.equal(key!.line, 1);
  });

  it('reads a quoted value over several lines and counts the lines after it', () => {
    const assignments = parseEnvFile('CERT="-----BEGIN-----\nabc\n-----END-----"\nNEXT=x\n');
    assert.deepEqual(assignments.map((assignment) => [assignment.name, assignment.value, assignment.line]), [
      ['CERT', '-----BEGIN-----\nabc\n-----END-----', 0],
      ['NEXT', 'x', 3],
    ]);
  });

  it('unescapes only double quotes, and skips an escaped quote when finding the end', () => {
    assert.deepEqual(namesAndValues('A="say \\"hi\\""\nB=\'raw \\n\''), [
      ['A', 'say "hi"'],
      ['B', 'raw \\n'],
    ]);
  });

  it('reads an unclosed quote as a bare value, and lines without = as nothing', () => {
    assert.deepEqual(namesAndValues('A="open\nnot an assignment\n=no-name\n'), [['A', '"open']]);
  });
});
