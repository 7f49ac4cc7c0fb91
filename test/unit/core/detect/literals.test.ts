import assert from 'node:assert/strict';
import { decodeEscapes, extractLiterals } from '../../../../src/core/detect/literals';

describe('core/detect/literals', () => {
  const values = (text: string, kind: 'code' | 'config' | 'docs' = 'code') => extractLiterals(text, kind).map((literal) => literal.value);

  it('finds double, single and backtick literals with their content offsets', () => {
    const text = `a("first-value"); b('second-value'); c(\`third-value\`);`;
    const literals = extractLiterals(text, 'code');
    assert.deepEqual(literals.map((literal) => literal.value), ['first-value', 'second-value', 'third-value']);
    for (const literal of literals) assert.equal(text.slice(literal.start, literal.end), literal.value);
  });

  it('skips short literals and templates with substitutions; a stray quote does not swallow the next line', () => {
    assert.deepEqual(values('x("short") y(`value-${x}-more`)'), []);
    assert.deepEqual(values(`// don't do this\nconst a = "long-enough";`), ['long-enough']);
  });

  it('decodes escapes', () => {
    assert.equal(decodeEscapes('a\\nb\\u0041\\x42\\"\\\\'), 'a\nbAB"\\');
    assert.deepEqual(values('x = "tab\\there-ok"'), ['tab\there-ok']);
  });

  it('takes bare values in config files only', () => {
    assert.deepEqual(values('TOKEN=bare-value-1\nexport NAME = bare-value-2 # note\n', 'config'), ['bare-value-1', 'bare-value-2']);
    assert.deepEqual(values('TOKEN=bare-value-1\n', 'code'), []);
  });

  it("takes bare values in documentation only inside a config or shell code block", () => {
    const text = 'TOKEN=outsideTheBlock1\n\n```env\nTOKEN=insideTheBlock2\n```\n';
    assert.deepEqual(values(text, 'docs'), ['insideTheBlock2']);
    assert.deepEqual(values('TOKEN=outsideTheBlock1\n', 'docs'), []);
  });
});
