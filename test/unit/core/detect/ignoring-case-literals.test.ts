import assert from 'node:assert/strict';
import { IgnoringCaseLiterals } from '../../../../src/core/detect/ignoring-case-literals';
import { KeywordFilter } from '../../../../src/core/detect/keyword-filter';
import { LiteralScanner } from '../../../../src/core/detect/literal-scanner';

const LITERALS = ['mongodb://', 'mysql://', 'postgresql://', 'https://hooks.slack.com/services/', 'account', 'secretaccess', 'secret_access'];

/** ASCII letters in any case, nothing else folded: what the gate means by ignoring case. */
function holds(text: string, literal: string): boolean {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase()).includes(literal);
}

describe('core/detect/ignoring-case-literals', () => {
  const scannerLiterals: string[] = [];
  const literals = new IgnoringCaseLiterals(LITERALS, (part) => scannerLiterals.push(part) - 1);
  const scanner = new LiteralScanner(scannerLiterals, new Set(literals.parts));
  const keywords = new KeywordFilter(literals.keywordRules);

  function occurring(text: string, withKeywordLines: boolean): boolean[] {
    const { found, positions } = scanner.scan(text);
    return literals.occurring(text, found, positions, withKeywordLines ? keywords.candidateLines(text) : undefined);
  }

  it('looks for the literals without a letterless part through a part they share, on the keyword pass’s lines', () => {
    assert.deepEqual([...literals.parts].sort(), ['://', '_']);
    assert.deepEqual(literals.keywordRules.map((rule) => rule.keywords), [['acc(?=ount|ess)']]);
  });

  it('agrees with a case-insensitive search, with and without the keyword pass, near misses included', () => {
    const pieces = ['MongoDB://', 'mongodb:/', 'MYSQL://', 'my sql://', 'PostgreSQL://', 'https://HOOKS.slack.com/services/', 'Account', 'ACCOUNT', 'acount', 'SecretAccess', 'secret access', 'SECRET_ACCESS', 'Accept', '://', 'x', '\n', ' ', 'İ', '\u212A'];
    let foundCount = 0;
    for (let round = 0; round < 400; round += 1) {
      let text = '';
      for (let index = 0; index < 12; index += 1) text += pieces[Math.floor(Math.random() * pieces.length)];
      const expected = LITERALS.map((literal) => holds(text, literal));
      assert.deepEqual(occurring(text, false), expected, JSON.stringify(text));
      assert.deepEqual(occurring(text, true), expected, JSON.stringify(text));
      foundCount += expected.filter(Boolean).length;
    }
    assert.ok(foundCount > 400, `only ${foundCount} found`);
  });
});
